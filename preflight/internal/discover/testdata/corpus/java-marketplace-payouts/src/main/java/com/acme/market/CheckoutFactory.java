package com.acme.market;

import com.checkout.CheckoutApi;
import com.checkout.CheckoutSdk;
import com.checkout.Environment;
import com.checkout.OAuthScope;

import java.net.URI;

/** Builds the SDK entry points used by the marketplace jobs. */
public final class CheckoutFactory {

    private CheckoutFactory() {
    }

    /** Secret-key client on the merchant's own subdomain ({prefix}.api.checkout.com). */
    public static CheckoutApi secretKey(String secretKey, String prefix) {
        return CheckoutSdk.builder()
                .staticKeys()
                .secretKey(secretKey)
                .environment(Environment.PRODUCTION)
                .environmentSubdomain(prefix)
                .build();
    }

    /** OAuth client for onboarding and payouts; the token endpoint is configured explicitly. */
    public static CheckoutApi platform(String clientId, String clientSecret) {
        CheckoutApi api =
                CheckoutSdk // want: POST /connect/token
                        .builder()
                        .oAuth()
                        .clientCredentials(
                                URI.create("https://access.sandbox.checkout.com/connect/token"),
                                clientId,
                                clientSecret)
                        .scopes(OAuthScope.ACCOUNTS, OAuthScope.FILES, OAuthScope.TRANSFERS,
                                OAuthScope.BALANCES_VIEW, OAuthScope.FINANCIAL_ACTIONS_VIEW, OAuthScope.VAULT)
                        .environment(Environment.SANDBOX)
                        .build();
        return api;
    }
}
