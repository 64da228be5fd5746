<?php

declare(strict_types=1);

namespace App\Checkout;

use Checkout\CheckoutApi;
use Checkout\CheckoutSdk;
use Checkout\Environment;
use Checkout\OAuthScope;

final class CheckoutApiFactory
{
    public static function create(string $clientId, string $clientSecret, string $prefix): CheckoutApi
    {
        return CheckoutSdk::builder() // want: POST /connect/token
            ->oAuth()
            ->clientCredentials($clientId, $clientSecret)
            ->scopes([OAuthScope::$Accounts, OAuthScope::$Gateway, OAuthScope::$Transfers, OAuthScope::$BalancesView, OAuthScope::$Vault])
            ->environment(Environment::sandbox())
            ->environmentSubdomain($prefix)
            ->build();
    }
}
