<?php

namespace App\Services;

use App\Models\Order;
use Checkout\CheckoutApi;
use Checkout\Customers\CustomerRequest;
use Checkout\Instruments\Create\CreateTokenInstrumentRequest;
use Checkout\Payments\Hosted\HostedPaymentsSessionRequest;
use Checkout\Payments\Links\PaymentLinkRequest;
use Checkout\Payments\Request\PaymentRequest;
use Checkout\Payments\Request\Source\RequestTokenSource;

class CheckoutGateway
{
    private CheckoutApi $api;

    public function __construct(CheckoutApi $api)
    {
        $this->api = $api;
    }

    public function charge(Order $order, string $token): array
    {
        $source = new RequestTokenSource();
        $source->token = $token;
        $request = new PaymentRequest();
        $request->source = $source;
        $request->amount = $order->total;
        $request->currency = $order->currency;
        $request->reference = $order->number;

        return $this->api->getPaymentsClient()->requestPayment($request); // want: POST /payments
    }

    public function saveShopper(string $email, string $name, string $token): string
    {
        $customerRequest = new CustomerRequest();
        $customerRequest->email = $email;
        $customerRequest->name = $name;
        $customer = $this->api->getCustomersClient()->create($customerRequest); // want: POST /customers

        $instrument = new CreateTokenInstrumentRequest();
        $instrument->token = $token;
        $instruments = $this->api->getInstrumentsClient();
        $created = $instruments->create($instrument); // want: POST /instruments

        return $created['id'];
    }

    public function shopper(string $customerId): array
    {
        $customers = $this->api->getCustomersClient();
        $customer = $customers->get($customerId); // want: GET /customers/{}
        $cards = array_map(fn (array $i) => $this->api->getInstrumentsClient()->get($i['id']), $customer['instruments']); // want: GET /instruments/{}

        return [$customer, $cards];
    }

    public function rename(string $customerId, string $name): void
    {
        $request = new CustomerRequest();
        $request->name = $name;
        $this->api->getCustomersClient()->update($customerId, $request); // want: PATCH /customers/{}
    }

    public function forget(string $customerId, array $instrumentIds): void
    {
        foreach ($instrumentIds as $id) {
            $this->api->getInstrumentsClient()->delete($id); // want: DELETE /instruments/{}
        }
        $this->api->getCustomersClient()->delete($customerId); // want: DELETE /customers/{}
    }

    public function payByLink(Order $order): string
    {
        $link = new PaymentLinkRequest();
        $link->amount = $order->total;
        $link->currency = $order->currency;
        $link->reference = $order->number;

        return $this->api->getPaymentLinksClient()->createPaymentLink($link)['_links']['redirect']['href']; // want: POST /payment-links
    }

    public function hostedPage(Order $order): string
    {
        $page = new HostedPaymentsSessionRequest();
        $page->amount = $order->total;
        $page->currency = $order->currency;
        $session = $this->api
            ->getHostedPaymentsClient()
            ->createHostedPaymentsPageSession($page); // want: POST /hosted-payments

        return $session['id'];
    }
}
