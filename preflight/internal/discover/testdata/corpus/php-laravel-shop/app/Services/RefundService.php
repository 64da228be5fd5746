<?php

namespace App\Services;

use Checkout\Payments\CaptureRequest;
use Checkout\Payments\PaymentsClient;
use Checkout\Payments\RefundRequest;
use Checkout\Payments\ReverseRequest;
use Checkout\Payments\VoidRequest;
use Illuminate\Support\Facades\Log;

class RefundService
{
    public function __construct(private readonly PaymentsClient $paymentsClient)
    {
    }

    public function refund(string $paymentId, int $amount): array
    {
        $request = new RefundRequest();
        $request->amount = $amount;
        $request->reference = 'refund-' . $paymentId;
        Log::info("POST https://api.checkout.com/payments/{$paymentId}/refunds");

        return $this->paymentsClient->refundPayment($paymentId, $request); // want: POST /payments/{}/refunds
    }

    public function capture(string $paymentId, int $amount): array
    {
        $request = new CaptureRequest();
        $request->amount = $amount;

        return $this->paymentsClient->capturePayment( // want: POST /payments/{}/captures
            $paymentId,
            $request,
            'capture-' . $paymentId
        );
    }

    public function void(string $paymentId): array
    {
        // $this->paymentsClient->voidPayment($paymentId);
        return $this->paymentsClient
            ->voidPayment($paymentId, new VoidRequest()); // want: POST /payments/{}/voids
    }

    public function reverse(string $paymentId): array
    {
        return $this->paymentsClient->reversePayment($paymentId, new ReverseRequest()); // want: POST /payments/{}/reversals
    }

    public function status(string $paymentId): string
    {
        return $this->paymentsClient->getPaymentDetails($paymentId)['status']; // want: GET /payments/{}
    }
}
