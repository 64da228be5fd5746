<?php

namespace App\Services;

use Adyen\Client;
use Adyen\Environment;
use Adyen\Service\Checkout\ModificationsApi;
use Adyen\Service\Checkout\PaymentsApi;

final class AdyenCheckout
{
    private PaymentsApi $payments;
    private ModificationsApi $modifications;

    public function __construct(string $apiKey)
    {
        $client = new Client();
        $client->setXApiKey($apiKey);
        $client->setEnvironment(Environment::TEST);
        $this->payments = new PaymentsApi($client);
        $this->modifications = new ModificationsApi($client);
    }

    public function pay(array $request): array
    {
        return $this->payments->payments($request)->toArray();
    }

    public function refund(string $pspReference, array $request): array
    {
        return $this->modifications->refundCapturedPayment($pspReference, $request)->toArray();
    }
}
