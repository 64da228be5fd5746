package com.acme.shop.braintree;

import com.braintreegateway.BraintreeGateway;
import com.braintreegateway.Environment;
import com.braintreegateway.Result;
import com.braintreegateway.Transaction;
import com.braintreegateway.TransactionRequest;

import java.math.BigDecimal;

public class BraintreeCheckout {

    private final BraintreeGateway checkout = new BraintreeGateway(
            Environment.SANDBOX, "merchant_id", "public_key", "private_key");

    public String charge(String nonce, BigDecimal amount) {
        TransactionRequest request = new TransactionRequest()
                .amount(amount)
                .paymentMethodNonce(nonce)
                .options().submitForSettlement(true).done();
        Result<Transaction> result = checkout.transaction().sale(request);
        return result.getTarget().getId();
    }

    public void refund(String transactionId) {
        checkout.transaction().refund(transactionId);
    }

    public Transaction get(String transactionId) {
        return checkout.transaction().find(transactionId);
    }
}
