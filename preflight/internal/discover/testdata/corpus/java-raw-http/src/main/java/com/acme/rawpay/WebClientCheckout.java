package com.acme.rawpay;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.util.Map;

public class WebClientCheckout {

    private final WebClient api;
    private final WebClient access;

    public WebClientCheckout(String secretKey) {
        this.api = WebClient.builder()
                .baseUrl("https://api.checkout.com")
                .defaultHeader("Authorization", "Bearer " + secretKey)
                .build();
        this.access = WebClient.create("https://access.checkout.com");
    }

    public Mono<Map> refund(String paymentId, long amount) {
        return api.post()
                .uri("/payments/{id}/refunds", paymentId) // want: POST /payments/{}/refunds
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("amount", amount))
                .retrieve()
                .bodyToMono(Map.class);
    }

    public Mono<Map> openDisputes() {
        return api.get()
                .uri(builder -> builder.path("/disputes").queryParam("statuses", "evidence_required").build()) // want: GET /disputes
                .retrieve()
                .bodyToMono(Map.class);
    }

    public Mono<Map> hostedPage(Map<String, Object> body) {
        return api.post().uri("/hosted-payments").bodyValue(body).retrieve().bodyToMono(Map.class); // want: POST /hosted-payments
    }

    public Mono<Map> token(String clientId, String clientSecret) {
        return access.post()
                .uri("/connect/token") // want: POST /connect/token
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_id", clientId)
                        .with("client_secret", clientSecret))
                .retrieve()
                .bodyToMono(Map.class);
    }
}
