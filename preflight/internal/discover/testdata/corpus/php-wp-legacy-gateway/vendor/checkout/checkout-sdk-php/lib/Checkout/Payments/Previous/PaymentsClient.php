<?php

namespace Checkout\Payments\Previous;

use Checkout\ApiClient;
use Checkout\AuthorizationType;
use Checkout\Client;
use Checkout\CheckoutConfiguration;
use Checkout\Payments\RefundRequest;

class PaymentsClient extends Client
{
    const PAYMENTS_PATH = "payments";

    public function __construct(ApiClient $apiClient, CheckoutConfiguration $configuration)
    {
        parent::__construct($apiClient, $configuration, AuthorizationType::$secretKey);
    }

    public function requestPayment(PaymentRequest $paymentRequest, $idempotencyKey = null)
    {
        return $this->apiClient->post(self::PAYMENTS_PATH, $paymentRequest, $this->sdkAuthorization(), $idempotencyKey);
    }

    public function refundPayment($paymentId, RefundRequest $refundRequest = null, $idempotencyKey = null)
    {
        return $this->apiClient->post(
            $this->buildPath(self::PAYMENTS_PATH, $paymentId, "refunds"),
            $refundRequest,
            $this->sdkAuthorization(),
            $idempotencyKey
        );
    }
}
