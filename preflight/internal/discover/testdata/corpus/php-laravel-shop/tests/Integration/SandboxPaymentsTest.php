<?php

namespace Tests\Integration;

use Checkout\CheckoutSdk;
use Checkout\Environment;
use Checkout\Payments\Request\PaymentRequest;
use PHPUnit\Framework\TestCase;

class SandboxPaymentsTest extends TestCase
{
    public function testPaysAndListsActions(): void
    {
        $api = CheckoutSdk::builder()->staticKeys()->secretKey(getenv('CKO_SANDBOX_SECRET_KEY'))->environment(Environment::sandbox())->build();
        $request = new PaymentRequest();
        $request->amount = 100;
        $request->currency = 'EUR';
        $payment = $api->getPaymentsClient()->requestPayment($request); // want(tests): POST /payments
        $actions = $api->getPaymentsClient()->getPaymentActions($payment['id']); // want(tests): GET /payments/{}/actions

        $this->assertCount(1, $actions);
    }
}
