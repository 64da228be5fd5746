<?php

namespace App\Services;

use Braintree\Gateway;

final class BraintreeCheckout
{
    private Gateway $cko;

    public function __construct()
    {
        $this->cko = new Gateway([
            'environment' => 'sandbox',
            'merchantId' => env('BT_MERCHANT_ID'),
            'publicKey' => env('BT_PUBLIC_KEY'),
            'privateKey' => env('BT_PRIVATE_KEY'),
        ]);
    }

    public function refundPayment(string $transactionId)
    {
        return $this->cko->transaction()->refund($transactionId);
    }

    public function customer(string $id)
    {
        return $this->cko->customer()->find($id);
    }
}
