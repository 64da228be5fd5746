<?php

namespace App\Http\Controllers;

use App\Models\Payment;
use App\Services\RefundService;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;

class PaymentController extends Controller
{
    public function __construct(private readonly RefundService $refunds)
    {
    }

    public function refund(Request $request, string $id): JsonResponse
    {
        $payment = Payment::where('checkout_id', $id)->firstOrFail();
        $result = $this->refunds->refund($id, (int) $request->input('amount'));
        $payment->refund((int) $request->input('amount'));

        return response()->json(['action_id' => $result['action_id']]);
    }

    public function capture(Request $request, string $id): JsonResponse
    {
        return response()->json($this->refunds->capture($id, (int) $request->input('amount')), 202);
    }
}
