package com.acme.subs.billing

import com.checkout.CheckoutApi
import com.checkout.networktokens.requests.ProvisionNetworkTokenRequest
import com.checkout.payments.contexts.PaymentContextsRequest
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.stereotype.Component
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.RestController

@Component
class WalletSetup {

    @Autowired
    lateinit var checkoutApi: CheckoutApi

    fun paypalContext(request: PaymentContextsRequest): String =
        checkoutApi.paymentContextsClient().requestPaymentContexts(request).get().id // want: POST /payment-contexts

    fun contextDetails(id: String) =
        checkoutApi.paymentContextsClient().getPaymentContextDetailsSync(id) // want: GET /payment-contexts/{}

    fun provisionNetworkToken(instrumentId: String): String {
        val tokens = checkoutApi.networkTokensClient()
        val request = ProvisionNetworkTokenRequest.builder().build()
        val token = tokens.provisionNetworkTokenSync(request) // want: POST /network-tokens
        tokens.requestCryptogramSync(token.card.id, null) // want: POST /network-tokens/{}/cryptograms
        return token.card.id
    }
}

@RestController
class SubscriptionController(private val billing: SubscriptionBilling) {

    @PostMapping("/subscriptions/{customerId}/cancel")
    fun cancel(@PathVariable customerId: String) = billing.cancel(customerId, "")

    @PostMapping("/subscriptions")
    fun create(email: String, token: String) = billing.enrol(email, token)
}
