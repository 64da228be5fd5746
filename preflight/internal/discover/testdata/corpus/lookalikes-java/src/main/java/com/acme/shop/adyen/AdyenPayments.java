package com.acme.shop.adyen;

import com.adyen.Client;
import com.adyen.enums.Environment;
import com.adyen.model.checkout.Amount;
import com.adyen.model.checkout.PaymentRefundRequest;
import com.adyen.model.checkout.PaymentRequest;
import com.adyen.model.checkout.PaymentResponse;
import com.adyen.service.Checkout;
import com.adyen.service.checkout.ModificationsApi;
import com.adyen.service.checkout.PaymentsApi;

public class AdyenPayments {

    private final Client client = new Client(System.getenv("ADYEN_API_KEY"), Environment.TEST);

    /** Legacy service class from adyen-java-api-library 17.x. */
    public PaymentResponse payLegacy(PaymentRequest request) throws Exception {
        Checkout checkout = new Checkout(client);
        return checkout.payments(request);
    }

    public PaymentResponse pay(PaymentRequest request) throws Exception {
        PaymentsApi paymentsApi = new PaymentsApi(client);
        return paymentsApi.payments(request);
    }

    public void refund(String pspReference, long value) throws Exception {
        ModificationsApi modifications = new ModificationsApi(client);
        PaymentRefundRequest refund = new PaymentRefundRequest()
                .amount(new Amount().currency("EUR").value(value))
                .merchantAccount("AcmeShopECOM");
        modifications.refundCapturedPayment(pspReference, refund);
    }

    /** Direct call used by the health check; Adyen's checkout endpoint, not Checkout.com. */
    public String endpoint() {
        return "https://checkout-test.adyen.com/v71/payments";
    }
}
