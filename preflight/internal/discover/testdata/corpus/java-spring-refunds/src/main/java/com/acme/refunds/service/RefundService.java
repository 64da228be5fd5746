package com.acme.refunds.service;

import com.checkout.ItemsResponse;
import com.checkout.payments.CaptureRequest;
import com.checkout.payments.CaptureResponse;
import com.checkout.payments.PaymentAction;
import com.checkout.payments.PaymentsClient;
import com.checkout.payments.RefundRequest;
import com.checkout.payments.RefundResponse;
import com.checkout.payments.ReverseRequest;
import com.checkout.payments.ReverseResponse;
import com.checkout.payments.VoidResponse;
import com.checkout.payments.response.GetPaymentResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

@Service
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final PaymentsClient paymentsClient;

    public RefundService(PaymentsClient paymentsClient) {
        this.paymentsClient = paymentsClient;
    }

    public RefundResponse refundInFull(String paymentId, String orderRef) {
        RefundRequest request = RefundRequest.builder().reference(orderRef).build();
        log.info("Refunding {} through api.checkout.com", paymentId);
        try {
            return paymentsClient.refundPayment(paymentId, request, "refund-" + orderRef).get(); // want: POST /payments/{}/refunds
        } catch (InterruptedException | ExecutionException e) {
            throw new RefundFailedException(paymentId, e);
        }
    }

    public RefundResponse refundPartially(String paymentId, long amountMinor) {
        RefundRequest request = RefundRequest.builder()
                .amount(amountMinor)
                .reference("partial-" + paymentId)
                .build();
        return this.paymentsClient.refundPaymentSync(paymentId, request); // want: POST /payments/{}/refunds
    }

    public CompletableFuture<CaptureResponse> capture(String paymentId, long amountMinor) {
        CaptureRequest request = CaptureRequest.builder()
                .amount(amountMinor)
                .reference("capture-" + paymentId)
                .build();
        return paymentsClient
                .capturePayment( // want: POST /payments/{}/captures
                        paymentId,
                        request);
    }

    public VoidResponse cancelAuthorization(String paymentId) {
        return paymentsClient.voidPaymentSync(paymentId); // want: POST /payments/{}/voids
    }

    public boolean isRefundable(String paymentId) {
        GetPaymentResponse payment = paymentsClient.getPaymentSync(paymentId); // want: GET /payments/{}
        return payment.getBalances() != null && payment.getBalances().getAvailableToRefund() > 0;
    }

    public List<PaymentAction> history(String paymentId) {
        ItemsResponse<PaymentAction> actions = paymentsClient.getPaymentActions(paymentId).join(); // want: GET /payments/{}/actions
        return actions.getItems();
    }

    // Before reversals we voided and then refunded:
    // paymentsClient.voidPayment(paymentId).get();
    // paymentsClient.refundPayment(paymentId).get();
    public ReverseResponse reverse(String paymentId) {
        ReverseRequest request = ReverseRequest.builder().reference("reverse-" + paymentId).build();
        return paymentsClient.reversePaymentSync(paymentId, request); // want: POST /payments/{}/reversals
    }
}
