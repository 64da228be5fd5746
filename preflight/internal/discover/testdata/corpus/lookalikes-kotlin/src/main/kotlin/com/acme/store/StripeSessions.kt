package com.acme.store

import com.stripe.model.checkout.Session
import com.stripe.param.checkout.SessionCreateParams

object StripeSessions {
    fun start(priceId: String, successUrl: String): String {
        val params = SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.PAYMENT)
            .setSuccessUrl(successUrl)
            .addLineItem(SessionCreateParams.LineItem.builder().setPrice(priceId).setQuantity(1).build())
            .build()
        return Session.create(params).url
    }
}
