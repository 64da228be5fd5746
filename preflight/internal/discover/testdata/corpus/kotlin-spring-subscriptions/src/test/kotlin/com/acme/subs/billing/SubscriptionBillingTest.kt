package com.acme.subs.billing

import com.checkout.CheckoutSdk
import com.checkout.Environment
import com.checkout.customers.CustomerRequest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class SubscriptionBillingTest {

    private val api = CheckoutSdk.builder()
        .staticKeys()
        .secretKey(System.getenv("CKO_SANDBOX_SK"))
        .environment(Environment.SANDBOX)
        .build()

    @Test
    fun `customer round trip`() {
        val id = api.customersClient().createSync(CustomerRequest.builder().email("t@example.com").build()).id // want(tests): POST /customers
        val customer = api.customersClient().getSync(id) // want(tests): GET /customers/{}
        assertEquals("t@example.com", customer.email)
        api.customersClient().deleteSync(id) // want(tests): DELETE /customers/{}
    }
}
