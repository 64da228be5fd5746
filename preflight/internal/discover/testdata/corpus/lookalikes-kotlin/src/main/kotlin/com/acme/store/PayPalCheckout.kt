package com.acme.store

import com.paypal.core.PayPalEnvironment
import com.paypal.core.PayPalHttpClient
import com.paypal.orders.OrderRequest
import com.paypal.orders.OrdersCaptureRequest
import com.paypal.orders.OrdersCreateRequest

class PayPalCheckout(clientId: String, secret: String) {
    private val checkout = PayPalHttpClient(PayPalEnvironment.Sandbox(clientId, secret))

    fun create(order: OrderRequest): String =
        checkout.execute(OrdersCreateRequest().requestBody(order)).result().id()

    fun capture(orderId: String) {
        checkout.execute(OrdersCaptureRequest(orderId))
    }
}
