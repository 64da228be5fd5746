package com.acme.shop.payments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** Client for our own payments microservice (acme-payments), not a PSP SDK. */
public class PaymentsClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public PaymentsClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public CompletableFuture<String> refundPayment(String paymentId, long amount) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/internal/payments/" + paymentId + "/refund"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + "}"))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(HttpResponse::body);
    }

    public CompletableFuture<String> capturePayment(String paymentId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/internal/payments/" + paymentId + "/capture"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(HttpResponse::body);
    }

    public String getPaymentSync(String paymentId) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/internal/payments/" + paymentId)).build(),
                HttpResponse.BodyHandlers.ofString()).join().body();
    }
}
