package com.acme.rawpay;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckoutHttpTest {

    @Test
    void sandboxRejectsBadKey() throws Exception {
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create("https://api.sandbox.checkout.com/payments/pay_doesnotexist")) // want(tests): GET /payments/{}
                .header("Authorization", "Bearer sk_sbox_invalid")
                .build();
        HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
        assertEquals(401, response.statusCode());
    }
}
