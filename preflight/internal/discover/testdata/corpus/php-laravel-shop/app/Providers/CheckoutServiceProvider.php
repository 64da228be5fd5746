<?php

namespace App\Providers;

use Checkout\CheckoutApi;
use Checkout\CheckoutSdk;
use Checkout\Environment;
use Checkout\Payments\PaymentsClient;
use Illuminate\Contracts\Foundation\Application;
use Illuminate\Support\ServiceProvider;

class CheckoutServiceProvider extends ServiceProvider
{
    public function register(): void
    {
        $this->app->singleton(CheckoutApi::class, function (Application $app): CheckoutApi {
            return CheckoutSdk::builder()
                ->staticKeys()
                ->publicKey(config('services.checkout.public_key'))
                ->secretKey(config('services.checkout.secret_key'))
                ->environment(config('services.checkout.live') ? Environment::production() : Environment::sandbox())
                ->environmentSubdomain(config('services.checkout.prefix'))
                ->build();
        });

        $this->app->bind(PaymentsClient::class, fn (Application $app) => $app->make(CheckoutApi::class)->getPaymentsClient());
    }
}
