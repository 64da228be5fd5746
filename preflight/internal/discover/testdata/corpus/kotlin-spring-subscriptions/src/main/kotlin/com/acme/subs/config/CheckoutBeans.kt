package com.acme.subs.config

import com.checkout.CheckoutApi
import com.checkout.CheckoutSdk
import com.checkout.Environment
import com.checkout.customers.CustomersClient
import com.checkout.instruments.InstrumentsClient
import com.checkout.payments.PaymentsClient
import org.springframework.beans.factory.annotation.Value
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration

@Configuration
class CheckoutBeans {

    @Bean
    fun checkoutApi(
        @Value("\${checkout.secret-key}") secretKey: String,
        @Value("\${checkout.prefix}") prefix: String,
    ): CheckoutApi = CheckoutSdk.builder()
        .staticKeys()
        .secretKey(secretKey)
        .environment(Environment.PRODUCTION)
        .environmentSubdomain(prefix)
        .build()

    @Bean
    fun paymentsClient(api: CheckoutApi): PaymentsClient = api.paymentsClient()

    @Bean
    fun customersClient(api: CheckoutApi): CustomersClient = api.customersClient()

    @Bean
    fun instrumentsClient(api: CheckoutApi): InstrumentsClient = api.instrumentsClient()
}
