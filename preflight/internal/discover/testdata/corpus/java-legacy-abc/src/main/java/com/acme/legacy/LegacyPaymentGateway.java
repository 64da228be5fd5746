package com.acme.legacy;

import com.checkout.common.Currency;
import com.checkout.payments.CaptureRequest;
import com.checkout.payments.RefundRequest;
import com.checkout.payments.previous.PaymentsClient;
import com.checkout.payments.previous.request.PaymentRequest;
import com.checkout.payments.previous.request.source.RequestTokenSource;
import com.checkout.payments.previous.response.GetPaymentResponse;
import com.checkout.payments.previous.response.PaymentResponse;
import com.checkout.previous.CheckoutApi;
import com.checkout.tokens.CardTokenRequest;
import com.checkout.tokens.CardTokenResponse;

import java.util.concurrent.ExecutionException;

public class LegacyPaymentGateway {

    private final PaymentsClient payments;
    private final CheckoutApi api;

    public LegacyPaymentGateway() {
        this.api = LegacyCheckout.get();
        this.payments = api.paymentsClient();
    }

    /** Used only by the kiosk app, which cannot run Frames. */
    public String tokenize(String pan, int month, int year, String cvv) {
        CardTokenRequest card = CardTokenRequest.builder()
                .number(pan).expiryMonth(month).expiryYear(year).cvv(cvv)
                .build();
        CardTokenResponse token = api.tokensClient().requestCardTokenSync(card); // want: POST /tokens
        return token.getToken();
    }

    public PaymentResponse authorize(String token, long amount, String orderId) throws ExecutionException, InterruptedException {
        PaymentRequest request = PaymentRequest.builder()
                .source(RequestTokenSource.builder().token(token).build())
                .amount(amount)
                .currency(Currency.EUR)
                .reference(orderId)
                .capture(false)
                .build();
        return payments.requestPayment(request, orderId).get(); // want: POST /payments
    }

    public void capture(String paymentId, long amount) throws ExecutionException, InterruptedException {
        payments.capturePayment(paymentId, CaptureRequest.builder().amount(amount).build()).get(); // want: POST /payments/{}/captures
    }

    public void refund(String paymentId, long amount) {
        RefundRequest request = RefundRequest.builder().amount(amount).build();
        payments.refundPayment(paymentId, request) // want: POST /payments/{}/refunds
                .thenAccept(r -> System.out.println("refund action " + r.getActionId()))
                .join();
    }

    public void voidAuthorization(String paymentId) {
        LegacyCheckout.get().paymentsClient().voidPayment(paymentId).join(); // want: POST /payments/{}/voids
    }

    public GetPaymentResponse lookup(String paymentId) throws ExecutionException, InterruptedException {
        return payments.getPayment(paymentId).get(); // want: GET /payments/{}
    }

    public void forgetCard(String instrumentId, String customerId) {
        api.instrumentsClient().delete(instrumentId).join(); // want: DELETE /instruments/{}
        api.customersClient().get(customerId).thenAccept(c -> System.out.println(c.getEmail())); // want: GET /customers/{}
    }
}
