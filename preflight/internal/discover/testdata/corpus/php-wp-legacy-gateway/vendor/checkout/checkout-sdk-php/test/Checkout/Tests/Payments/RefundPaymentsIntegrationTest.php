<?php

namespace Checkout\Tests\Payments;

use Checkout\Payments\RefundRequest;

class RefundPaymentsIntegrationTest extends AbstractPaymentsIntegrationTest
{
    public function testShouldRefundCardPayment()
    {
        $paymentResponse = $this->makeCardPayment(true);
        $refundRequest = new RefundRequest();
        $refundRequest->reference = uniqid();
        $response = $this->checkoutApi->getPaymentsClient()->refundPayment($paymentResponse["id"], $refundRequest);
        $this->assertResponse($response, "action_id", "reference");
    }
}
