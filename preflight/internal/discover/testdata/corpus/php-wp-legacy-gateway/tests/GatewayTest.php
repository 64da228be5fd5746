<?php

use Checkout\CheckoutSdk;
use Checkout\Environment;
use PHPUnit\Framework\TestCase;

class GatewayTest extends TestCase
{
    public function testSandboxWebhooksAreListed(): void
    {
        $api = CheckoutSdk::builder()->previous()->staticKeys()->environment(Environment::sandbox())->secretKey(getenv('CKO_SANDBOX_SECRET_KEY'))->build();
        $hooks = $api->getWebhooksClient()->retrieveWebhooks(); // want(tests): GET /webhooks

        $this->assertIsArray($hooks);
    }

    public function testRawPay(): void
    {
        $client = new Cko_Raw_Client(getenv('CKO_SANDBOX_SECRET_KEY'));
        $this->assertArrayHasKey('id', $client->sandboxPay(['amount' => 100, 'currency' => 'EUR']));
    }
}
