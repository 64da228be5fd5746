package com.acme.shop.docs;

/**
 * Notes for the planned move to Checkout.com.
 *
 * <pre>{@code
 * CheckoutApi api = CheckoutSdk.builder().oAuth().clientCredentials(id, secret).build();
 * api.paymentsClient().refundPayment(paymentId).get();
 * }</pre>
 *
 * The SDK talks to https://api.checkout.com/payments and https://access.checkout.com/connect/token.
 */
public final class MigrationNotes {

    /* Spike, not wired up yet:
    PaymentsClient payments = checkoutApi.paymentsClient();
    payments.capturePayment(paymentId).get();
    payments.voidPaymentSync(paymentId);
    */

    // checkoutApi.disputesClient().query(filter).get();
    // HttpRequest.newBuilder(URI.create("https://api.checkout.com/payments")).POST(body).build();

    public static final String DESCRIPTION =
            "Checkout.com base URL (api.checkout.com, or api.sandbox.checkout.com for tests)";

    public static final String HELP = "Set CKO_PREFIX to use {prefix}.api.checkout.com";

    private MigrationNotes() {
    }

    public static String explain() {
        return "Refunds will go through api.checkout.com/payments/{id}/refunds once migrated";
    }
}
