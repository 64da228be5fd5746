package com.acme.store

import java.util.concurrent.CompletableFuture

/** Talks to the in-house ledger service; named after the Checkout SDK's client but unrelated. */
class PaymentsClient(private val ledgerUrl: String) {
    fun refundPayment(paymentId: String): CompletableFuture<String> =
        CompletableFuture.supplyAsync { "$ledgerUrl/ledger/$paymentId/refund" }

    fun capturePayment(paymentId: String): CompletableFuture<String> =
        CompletableFuture.supplyAsync { "$ledgerUrl/ledger/$paymentId/capture" }

    fun getPaymentSync(paymentId: String): String = "$ledgerUrl/ledger/$paymentId"
}

class Fulfilment(private val paymentsClient: PaymentsClient) {
    fun ship(paymentId: String) {
        paymentsClient.capturePayment(paymentId).join()
    }

    fun cancel(paymentId: String) {
        paymentsClient.refundPayment(paymentId).get()
        println(paymentsClient.getPaymentSync(paymentId))
    }
}
