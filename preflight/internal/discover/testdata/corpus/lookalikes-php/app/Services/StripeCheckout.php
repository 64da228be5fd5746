<?php

namespace App\Services;

use Stripe\StripeClient;

final class StripeCheckout
{
    public function __construct(private StripeClient $stripe)
    {
    }

    public function start(array $lines): string
    {
        $session = $this->stripe->checkout->sessions->create([
            'mode' => 'payment',
            'line_items' => $lines,
            'success_url' => 'https://shop.example.com/ok',
            'cancel_url' => 'https://shop.example.com/cancel',
        ]);

        return $session->url;
    }

    public function refund(string $sessionId): void
    {
        $checkout = $this->stripe->checkout->sessions->retrieve($sessionId);
        $this->stripe->refunds->create(['payment_intent' => $checkout->payment_intent]);
    }
}
