<?php

namespace App\Services;

use GuzzleHttp\Client;
use PayPalCheckoutSdk\Core\PayPalHttpClient;
use PayPalCheckoutSdk\Core\SandboxEnvironment;
use PayPalCheckoutSdk\Orders\OrdersCreateRequest;
use PayPalCheckoutSdk\Payments\CapturesRefundRequest;

final class PayPalCheckout
{
    private PayPalHttpClient $checkout;

    public function __construct(string $clientId, string $secret)
    {
        $this->checkout = new PayPalHttpClient(new SandboxEnvironment($clientId, $secret));
    }

    public function createOrder(string $total): string
    {
        $request = new OrdersCreateRequest();
        $request->body = ['intent' => 'CAPTURE', 'purchase_units' => [['amount' => ['currency_code' => 'EUR', 'value' => $total]]]];

        return $this->checkout->execute($request)->result->id;
    }

    public function refundPayment(string $captureId): void
    {
        $this->checkout->execute(new CapturesRefundRequest($captureId));
    }

    public function refundRaw(string $captureId, string $token): void
    {
        (new Client())->post("https://api-m.sandbox.paypal.com/v2/payments/captures/{$captureId}/refund", ['headers' => ['Authorization' => "Bearer {$token}"]]);
    }
}
