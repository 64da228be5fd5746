<?php

namespace App\Http\Controllers;

use App\Models\Payment;
use App\Services\CheckoutSdk;
use App\Services\StripeCheckout;
use GuzzleHttp\Client;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;

class PaymentController extends Controller
{
    public function store(Request $request, StripeCheckout $stripe)
    {
        return redirect()->away($stripe->start($request->input('lines')));
    }

    public function refund(Request $request, Payment $payment)
    {
        $payment->refund((int) $request->input('amount'));
        $payment->refundPayment();
        // $api->getPaymentsClient()->refundPayment($payment->checkout_id);
        // (new Client())->post('https://api.checkout.com/payments/' . $payment->checkout_id . '/refunds');
        Log::info('Refunds stopped going to https://api.checkout.com/payments/' . $payment->id . '/refunds');

        return response()->noContent();
    }

    public function capture(Payment $payment)
    {
        $flow = CheckoutSdk::builder()->oAuth()->build();
        $flow->getPaymentsClient()->refundPayment((string) $payment->id);
        $payment->capturePayment();
        (new Client())->post("https://checkout.shop.example.com/payments/{$payment->id}/captures");
        (new Client())->get('https://api.example.com/checkout/payments');

        return response()->json(['status' => 'captured'], 202);
    }
}
