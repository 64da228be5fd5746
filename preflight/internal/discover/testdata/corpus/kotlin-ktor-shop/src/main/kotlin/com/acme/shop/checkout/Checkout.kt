package com.acme.shop.checkout

import com.checkout.CheckoutApi
import com.checkout.CheckoutSdk
import com.checkout.Environment
import com.checkout.OAuthScope
import io.ktor.server.config.ApplicationConfig

object Checkout {
    lateinit var api: CheckoutApi
        private set

    fun init(config: ApplicationConfig) {
        val production = config.property("checkout.production").getString().toBoolean()
        api = CheckoutSdk.builder() // want: POST /connect/token
            .oAuth()
            .clientCredentials(
                config.property("checkout.clientId").getString(),
                config.property("checkout.clientSecret").getString(),
            )
            .scopes(OAuthScope.GATEWAY, OAuthScope.PAYMENT_SESSIONS, OAuthScope.VAULT)
            .environment(if (production) Environment.PRODUCTION else Environment.SANDBOX)
            .build()
    }
}
