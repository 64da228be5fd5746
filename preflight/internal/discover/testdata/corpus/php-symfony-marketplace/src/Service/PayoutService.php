<?php

declare(strict_types=1);

namespace App\Service;

use Checkout\CheckoutApi;
use Checkout\Forward\Requests\CreateSecretRequest;
use Checkout\Payments\PaymentsClient;
use Checkout\Payments\PaymentsQueryFilter;
use Checkout\Payments\RefundRequest;
use Checkout\Payments\Request\PayoutRequest;

final class PayoutService
{
    private PaymentsClient $payments;

    public function __construct(private readonly CheckoutApi $api)
    {
        $this->payments = $api->getPaymentsClient();
    }

    public function payout(PayoutRequest $request): array
    {
        return $this->payments->requestPayout($request, 'payout-' . $request->reference); // want: POST /payments
    }

    public function refund(string $paymentId, int $amount): array
    {
        $request = new RefundRequest();
        $request->amount = $amount;

        return $this->payments->refundPayment($paymentId, $request); // want: POST /payments/{}/refunds
    }

    public function history(string $reference): array
    {
        $filter = new PaymentsQueryFilter();
        $filter->reference = $reference;

        return $this->payments->getPaymentsList($filter); // want: GET /payments
    }

    public function actions(string $paymentId): array
    {
        return $this->payments->getPaymentActions($paymentId); // want: GET /payments/{}/actions
    }

    public function stopRetries(string $paymentId): void
    {
        $this->payments->cancelAScheduledRetry($paymentId); // want: POST /payments/{}/cancellations
    }

    public function vaultSecret(string $name, string $value): void
    {
        $secret = new CreateSecretRequest();
        $secret->name = $name;
        $secret->value = $value;
        $this->api->getForwardClient()->createSecret($secret); // want: POST /secrets
    }

    public function forwarded(string $forwardId): array
    {
        return $this->api->getForwardClient()->getForwardRequest($forwardId); // want: GET /forward/{}
    }

    public function workflows(array $definition): void
    {
        $workflows = $this->api->getWorkflowsClient();
        if (count($workflows->getWorkflows()['data'] ?? []) === 0) { // want: GET /workflows
            $workflows->createWorkflow($definition); // want: POST /workflows
        }
    }

    public function virtualCard(array $cardholder): string
    {
        $issuing = $this->api->getIssuingClient();
        $holder = $issuing->createCardholder($cardholder); // want: POST /issuing/cardholders
        $card = $issuing->createCard(['type' => 'virtual', 'cardholder_id' => $holder['id']]); // want: POST /issuing/cards

        return $issuing->getCardDetails($card['id'])['status']; // want: GET /issuing/cards/{}
    }
}
