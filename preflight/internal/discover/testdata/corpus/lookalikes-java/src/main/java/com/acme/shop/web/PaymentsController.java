package com.acme.shop.web;

import com.acme.shop.payments.OrderService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
public class PaymentsController {

    private final OrderService orders;

    public PaymentsController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping("/payments")
    public ResponseEntity<Map<String, String>> create(@RequestBody Map<String, Object> body) {
        return ResponseEntity.accepted().body(Map.of("status", "pending"));
    }

    @PostMapping("/payments/{id}/refunds")
    public ResponseEntity<Void> refund(@PathVariable String id, @RequestBody Map<String, Long> body) {
        orders.cancel(id, body.get("amount"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/payments/{id}")
    public Map<String, String> show(@PathVariable String id) {
        return Map.of("id", id);
    }
}
