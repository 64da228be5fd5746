package com.acme.shop.payments;

import org.springframework.stereotype.Service;

@Service
public class OrderService {

    private final PaymentsClient paymentsClient;

    public OrderService(PaymentsClient paymentsClient) {
        this.paymentsClient = paymentsClient;
    }

    public void cancel(String paymentId, long amount) {
        paymentsClient.refundPayment(paymentId, amount).join();
    }

    public void ship(String paymentId) {
        paymentsClient.capturePayment(paymentId).join();
        String status = this.paymentsClient.getPaymentSync(paymentId);
        System.out.println(status);
    }
}
