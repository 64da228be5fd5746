package com.acme.refunds.service;

public class RefundFailedException extends RuntimeException {
    public RefundFailedException(String paymentId, Throwable cause) {
        super("refund of " + paymentId + " failed (see api.checkout.com request id in logs)", cause);
    }
}
