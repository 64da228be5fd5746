package com.acme.shop.checkout

import com.checkout.CheckoutApi
import com.checkout.common.Currency
import com.checkout.handlepaymentsandpayouts.flow.paymentsessions.requests.PaymentSessionCreateRequest
import com.checkout.payments.hosted.HostedPaymentRequest
import com.checkout.payments.links.PaymentLinkRequest
import com.checkout.payments.links.PaymentLinksClient

/**
 * Builds hosted checkout pages and pay-by-link URLs.
 * Example: `api.hostedPaymentsClient().createHostedPaymentsPageSession(request).get()`
 */
class HostedPages(
    private val api: CheckoutApi,
    private val links: PaymentLinksClient = api.paymentLinksClient(),
) {
    fun hostedPage(orderId: String, amount: Long, successUrl: String): String {
        val request = HostedPaymentRequest.builder()
            .amount(amount)
            .currency(Currency.EUR)
            .reference(orderId)
            .successUrl(successUrl)
            .failureUrl("$successUrl?failed=1")
            .cancelUrl("$successUrl?cancelled=1")
            .build()
        return api.hostedPaymentsClient().createHostedPaymentsPageSession(request).get().links["redirect"]!!.href // want: POST /hosted-payments
    }

    fun hostedPageStatus(id: String) =
        api.hostedPaymentsClient().getHostedPaymentsPageDetailsSync(id).status // want: GET /hosted-payments/{}

    fun payByLink(orderId: String, amount: Long): String {
        val request = PaymentLinkRequest.builder().amount(amount).currency(Currency.EUR).reference(orderId).build()
        return links.createPaymentLinkSync(request).links["redirect"]!!.href // want: POST /payment-links
    }

    fun linkStatus(linkId: String) = links.getPaymentLink(linkId).join().status // want: GET /payment-links/{}

    fun flowSession(orderId: String, amount: Long): String {
        val request = PaymentSessionCreateRequest.builder()
            .amount(amount)
            .currency(Currency.EUR)
            .reference(orderId)
            .build()
        val session = api.flowClient()
            .requestPaymentSessionSync(request) // want: POST /payment-sessions
        return session.paymentSessionSecret
    }
}
