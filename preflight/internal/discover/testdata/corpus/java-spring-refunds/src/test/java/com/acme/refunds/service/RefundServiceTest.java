package com.acme.refunds.service;

import com.checkout.CheckoutApi;
import com.checkout.CheckoutSdk;
import com.checkout.Environment;
import com.checkout.common.Currency;
import com.checkout.payments.RefundResponse;
import com.checkout.payments.request.PaymentRequest;
import com.checkout.payments.request.source.RequestCardSource;
import com.checkout.payments.response.GetPaymentResponse;
import com.checkout.payments.response.PaymentResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@Tag("sandbox")
class RefundServiceTest {

    private static CheckoutApi api;

    @BeforeAll
    static void setUp() {
        api = CheckoutSdk.builder()
                .staticKeys()
                .secretKey(System.getenv("CHECKOUT_SANDBOX_SECRET_KEY"))
                .environment(Environment.SANDBOX)
                .build();
    }

    @Test
    void refundsACapturedPayment() throws Exception {
        PaymentRequest request = PaymentRequest.builder()
                .source(RequestCardSource.builder()
                        .number("4242424242424242")
                        .expiryMonth(12)
                        .expiryYear(2030)
                        .cvv("100")
                        .build())
                .amount(1000L)
                .currency(Currency.GBP)
                .capture(true)
                .build();
        PaymentResponse payment = api.paymentsClient().requestPayment(request).get(); // want(tests): POST /payments

        RefundService service = new RefundService(api.paymentsClient());
        RefundResponse refund = service.refundInFull(payment.getId(), "order-42");
        assertNotNull(refund.getActionId());

        GetPaymentResponse after = api.paymentsClient().getPaymentSync(payment.getId()); // want(tests): GET /payments/{}
        assertEquals(1000L, after.getBalances().getTotalRefunded());
    }
}
