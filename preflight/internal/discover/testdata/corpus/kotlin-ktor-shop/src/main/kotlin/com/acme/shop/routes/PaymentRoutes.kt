package com.acme.shop.routes

import com.acme.shop.checkout.Checkout
import com.checkout.common.Currency
import com.checkout.payments.RefundRequest
import com.checkout.payments.request.PaymentRequest
import com.checkout.payments.request.source.RequestTokenSource
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.call
import io.ktor.server.request.receive
import io.ktor.server.response.respond
import io.ktor.server.routing.Route
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import kotlinx.coroutines.future.await

data class PayBody(val token: String, val amount: Long, val orderId: String)
data class RefundBody(val amount: Long? = null)

fun Route.paymentRoutes() {
    // Our own storefront endpoints; they proxy to Checkout.com through the SDK.
    post("/payments") {
        val body = call.receive<PayBody>()
        val request = PaymentRequest.builder()
            .source(RequestTokenSource.builder().token(body.token).build())
            .amount(body.amount)
            .currency(Currency.GBP)
            .reference(body.orderId)
            .build()
        val response = Checkout.api.paymentsClient().requestPayment(request).await() // want: POST /payments
        call.respond(HttpStatusCode.Created, mapOf("id" to response.id, "status" to response.status.toString()))
    }

    get("/payments/{id}") {
        val payments = Checkout.api.paymentsClient()
        val payment = payments.getPayment(call.parameters["id"]!!).await() // want: GET /payments/{}
        call.respond(mapOf("status" to payment.status.toString()))
    }

    post("/payments/{id}/refunds") {
        val id = call.parameters["id"]!!
        val body = call.receive<RefundBody>()
        val refund = Checkout.api
            .paymentsClient()
            .refundPayment( // want: POST /payments/{}/refunds
                id,
                RefundRequest.builder().amount(body.amount).reference("web-$id").build(),
            )
            .await()
        call.respond(mapOf("actionId" to refund.actionId))
    }

    post("/payments/{id}/capture") {
        // Checkout.api.paymentsClient().capturePayment(id).await()  -- moved to the fulfilment worker
        val id = call.parameters["id"]!!
        Checkout.api.paymentsClient().capturePaymentSync(id) // want: POST /payments/{}/captures
        call.respond(HttpStatusCode.Accepted)
    }
}
