package com.acme.rawpay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.logging.Logger;

/**
 * Minimal client for the Checkout.com unified payments API.
 * Docs: https://api-reference.checkout.com/ (requests go to api.checkout.com or the sandbox).
 */
public class CheckoutHttp {

    private static final Logger LOG = Logger.getLogger(CheckoutHttp.class.getName());
    private static final String BASE_URL = "https://api.sandbox.checkout.com";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String secretKey;

    public CheckoutHttp(String secretKey) {
        this.secretKey = secretKey;
    }

    public String pay(String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create(BASE_URL + "/payments")) // want: POST /payments
                .header("Authorization", "Bearer " + secretKey)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        LOG.info("POST https://api.sandbox.checkout.com/payments -> " + response.statusCode());
        return response.body();
    }

    public String details(String paymentId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(String.format("%s/payments/%s", BASE_URL, paymentId))) // want: GET /payments/{}
                .header("Authorization", "Bearer " + secretKey)
                .GET()
                .build();
        return http.send(request, BodyHandlers.ofString()).body();
    }

    public int refund(String paymentId, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create(BASE_URL + "/payments/" + paymentId + "/refunds")) // want: POST /payments/{}/refunds
                .header("Authorization", "Bearer " + secretKey)
                .header("Cko-Idempotency-Key", "refund-" + paymentId)
                .POST(BodyPublishers.ofString(json))
                .build();
        return http.send(request, BodyHandlers.discarding()).statusCode();
    }

    public String accessToken(String clientId, String clientSecret) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + clientSecret;
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create("https://access.sandbox.checkout.com/connect/token")) // want: POST /connect/token
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form))
                .build();
        return http.send(request, BodyHandlers.ofString()).body();
    }

    public String balances(String entityId, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create("https://balances.sandbox.checkout.com/balances/" + entityId + "?query=currency:EUR")) // want: GET /balances/{}
                .header("Authorization", "Bearer " + token)
                .build();
        return http.send(request, BodyHandlers.ofString()).body();
    }
}
