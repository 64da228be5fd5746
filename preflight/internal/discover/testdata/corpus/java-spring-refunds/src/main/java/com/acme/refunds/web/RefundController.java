package com.acme.refunds.web;

import com.acme.refunds.service.RefundService;
import com.checkout.CheckoutApi;
import com.checkout.payments.RefundResponse;
import com.checkout.payments.request.PaymentSearchRequest;
import com.checkout.payments.response.GetPaymentResponse;
import com.checkout.payments.response.PaymentSearchResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.ExecutionException;

@RestController
@RequestMapping("/api")
public class RefundController {

    private final RefundService refunds;
    private final CheckoutApi checkoutApi;

    public RefundController(RefundService refunds, CheckoutApi checkoutApi) {
        this.refunds = refunds;
        this.checkoutApi = checkoutApi;
    }

    public record RefundBody(long amount) {
    }

    @PostMapping("/payments/{paymentId}/refunds")
    public ResponseEntity<RefundResponse> refund(@PathVariable String paymentId, @RequestBody RefundBody body) {
        return ResponseEntity.ok(refunds.refundPartially(paymentId, body.amount()));
    }

    @GetMapping("/payments/{paymentId}")
    public GetPaymentResponse show(@PathVariable String paymentId) throws ExecutionException, InterruptedException {
        return checkoutApi.paymentsClient().getPayment(paymentId).get(); // want: GET /payments/{}
    }

    @PostMapping("/payments/search")
    public PaymentSearchResponse search(@RequestBody String query) {
        PaymentSearchRequest request = PaymentSearchRequest.builder().query(query).limit(20).build();
        return checkoutApi.paymentsClient().searchPaymentsSync(request); // want: POST /payments/search
    }
}
