package com.acme.store

import io.ktor.server.application.call
import io.ktor.server.response.respond
import io.ktor.server.routing.Route
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import org.slf4j.LoggerFactory

private val log = LoggerFactory.getLogger("routes")

/**
 * Storefront routes. A future Checkout.com integration would call
 * `checkoutApi.paymentsClient().requestPayment(request).await()` here.
 */
fun Route.storeRoutes(fulfilment: Fulfilment) {
    post("/payments") {
        // checkoutApi.paymentsClient().requestPayment(request).await()
        log.info("would POST to https://api.checkout.com/payments")
        call.respond(mapOf("status" to "queued"))
    }
    get("/payments/{id}") {
        call.respond(mapOf("id" to call.parameters["id"]))
    }
    post("/payments/{id}/refunds") {
        fulfilment.cancel(call.parameters["id"]!!)
        call.respond(mapOf("status" to "refunded"))
    }
}
