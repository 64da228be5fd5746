<?php

namespace App\Services;

/** The shop's own checkout-flow builder (cart -> order). Not Checkout.com's SDK. */
final class CheckoutSdk
{
    private array $steps = [];

    public static function builder(): self
    {
        return new self();
    }

    public function oAuth(): self
    {
        $this->steps[] = 'login';
        return $this;
    }

    public function build(): self
    {
        return $this;
    }

    public function getPaymentsClient(): PaymentRepository
    {
        return new PaymentRepository();
    }
}
