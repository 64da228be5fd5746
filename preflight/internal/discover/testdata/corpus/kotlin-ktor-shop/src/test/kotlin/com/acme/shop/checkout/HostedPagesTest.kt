package com.acme.shop.checkout

import com.checkout.CheckoutApi
import com.checkout.CheckoutSdk
import com.checkout.Environment
import kotlin.test.BeforeTest
import kotlin.test.Test
import kotlin.test.assertNotNull

class HostedPagesTest {
    private lateinit var api: CheckoutApi

    @BeforeTest
    fun setUp() {
        api = CheckoutSdk.builder()
            .staticKeys()
            .secretKey(System.getenv("CKO_SANDBOX_SK"))
            .environment(Environment.SANDBOX)
            .build()
    }

    @Test
    fun `creates a hosted page in sandbox`() {
        val url = HostedPages(api).hostedPage("test-1", 500, "https://shop.example/ok")
        assertNotNull(url)
    }

    @Test
    fun `reads a payment link back`() {
        val link = api.paymentLinksClient().getPaymentLinkSync("pl_sandbox_fixture") // want(tests): GET /payment-links/{}
        assertNotNull(link.status)
    }
}
