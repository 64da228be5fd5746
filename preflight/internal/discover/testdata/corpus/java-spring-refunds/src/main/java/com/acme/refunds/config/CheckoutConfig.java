package com.acme.refunds.config;

import com.checkout.CheckoutApi;
import com.checkout.CheckoutSdk;
import com.checkout.Environment;
import com.checkout.OAuthScope;
import com.checkout.payments.PaymentsClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

@Configuration
public class CheckoutConfig {

    /**
     * Secret-key client for the refund flow. Talks to the sandbox
     * (api.sandbox.checkout.com) unless {@code checkout.production} is true.
     */
    @Bean
    @Primary
    public CheckoutApi checkoutApi(@Value("${checkout.secret-key}") String secretKey,
                                   @Value("${checkout.production:false}") boolean production) {
        return CheckoutSdk.builder()
                .staticKeys()
                .secretKey(secretKey)
                .environment(production ? Environment.PRODUCTION : Environment.SANDBOX)
                .build();
    }

    /** Dispute handling runs under an OAuth client restricted to the disputes scopes. */
    @Bean(name = "disputesApi")
    public CheckoutApi disputesApi(@Value("${checkout.oauth.client-id}") String clientId,
                                   @Value("${checkout.oauth.client-secret}") String clientSecret) {
        return CheckoutSdk.builder() // want: POST /connect/token
                .oAuth()
                .clientCredentials(clientId, clientSecret)
                .scopes(OAuthScope.DISPUTES, OAuthScope.FILES)
                .environment(Environment.SANDBOX)
                .build();
    }

    @Bean
    public PaymentsClient paymentsClient(CheckoutApi checkoutApi) {
        return checkoutApi.paymentsClient();
    }
}
