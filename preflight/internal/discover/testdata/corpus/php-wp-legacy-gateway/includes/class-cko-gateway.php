<?php

use Checkout\CheckoutSdk;
use Checkout\Environment;
use Checkout\Payments\Previous\CaptureRequest;
use Checkout\Payments\Previous\PaymentRequest;
use Checkout\Payments\Previous\Source\RequestTokenSource;
use Checkout\Payments\RefundRequest;
use Checkout\Reconciliation\Previous\ReconciliationQueryPaymentsFilter;
use Checkout\Tokens\CardTokenRequest;
use Checkout\Webhooks\Previous\WebhookRequest;

class WC_Cko_Legacy_Gateway extends WC_Payment_Gateway
{
    /** @var \Checkout\Previous\CheckoutApi */
    private $api;

    public function __construct()
    {
        $this->id = 'cko_legacy';
        $this->api = CheckoutSdk::builder()
            ->previous()
            ->staticKeys()
            ->environment($this->get_option('testmode') === 'yes' ? Environment::sandbox() : Environment::production())
            ->publicKey($this->get_option('public_key'))
            ->secretKey($this->get_option('secret_key'))
            ->build();
    }

    public function process_payment($order_id): array
    {
        $order = wc_get_order($order_id);
        $source = new RequestTokenSource();
        $source->token = sanitize_text_field($_POST['cko_token'] ?? '');
        $request = new PaymentRequest();
        $request->source = $source;
        $request->amount = (int) round($order->get_total() * 100);
        $request->currency = $order->get_currency();
        $request->reference = $order->get_order_number();

        $payment = $this->api->getPaymentsClient()->requestPayment($request); // want: POST /payments
        $order->update_meta_data('_cko_payment_id', $payment['id']);

        return ['result' => 'success', 'redirect' => $this->get_return_url($order)];
    }

    public function capture(WC_Order $order): void
    {
        $capture = new CaptureRequest();
        $capture->amount = (int) round($order->get_total() * 100);
        $this->api->getPaymentsClient()->capturePayment($order->get_meta('_cko_payment_id'), $capture); // want: POST /payments/{}/captures
    }

    public function process_refund($order_id, $amount = null, $reason = ''): bool
    {
        $paymentId = wc_get_order($order_id)->get_meta('_cko_payment_id');
        $refund = new RefundRequest();
        $refund->amount = (int) round($amount * 100);
        $refund->reference = $reason;
        // $this->api->getPaymentsClient()->voidPayment($paymentId);
        $payments = $this->api->getPaymentsClient();
        $payments->refundPayment($paymentId, $refund); // want: POST /payments/{}/refunds
        (new WC_Logger())->info('Refund sent to https://api.checkout.com/payments/' . $paymentId . '/refunds');

        return true;
    }

    public function cancel(WC_Order $order): void
    {
        $this->api->getPaymentsClient()
            ->voidPayment($order->get_meta('_cko_payment_id')); // want: POST /payments/{}/voids
    }

    public function tokenize(string $number, int $month, int $year): string
    {
        $card = new CardTokenRequest();
        $card->number = $number;
        $card->expiry_month = $month;
        $card->expiry_year = $year;

        return $this->api->getTokensClient()->requestCardToken($card)['token']; // want: POST /tokens
    }

    public function ensure_webhook(string $url): void
    {
        $webhooks = $this->api->getWebhooksClient();
        $existing = $webhooks->retrieveWebhooks(); // want: GET /webhooks
        foreach ($existing as $hook) {
            if ($hook['url'] === $url) {
                return;
            }
        }
        $request = new WebhookRequest();
        $request->url = $url;
        $request->event_types = ['payment_captured', 'payment_refunded'];
        $webhooks->registerWebhook($request); // want: POST /webhooks
    }

    public function replay(string $eventId): void
    {
        $events = $this->api->getEventsClient();
        $event = $events->retrieveEvent($eventId); // want: GET /events/{}
        foreach ($event['notifications'] as $n) {
            $detail = $events->retrieveEventNotification($eventId, $n['id']); // want: GET /events/{}/{}
            if (!$detail['success']) {
                $events->retryWebhook($eventId, $detail['webhook_id']); // want: POST /events/{}/webhooks/{}/retry
            }
        }
    }

    public function report(string $from, string $to): array
    {
        $filter = new ReconciliationQueryPaymentsFilter();
        $filter->from = $from;
        $filter->to = $to;

        return $this->api->getReconciliationClient()->queryPaymentsReport($filter); // want: GET /reporting/payments
    }

    public function sepa($sourceRequest): array
    {
        return $this->api->getSourcesClient()->createSepaSource($sourceRequest); // want: POST /sources
    }
}
