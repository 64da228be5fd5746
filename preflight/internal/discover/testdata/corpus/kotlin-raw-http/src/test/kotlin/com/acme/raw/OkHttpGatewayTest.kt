package com.acme.raw

import okhttp3.OkHttpClient
import okhttp3.Request
import kotlin.test.Test
import kotlin.test.assertEquals

class OkHttpGatewayTest {
    @Test
    fun `sandbox rejects an invalid key`() {
        val request = Request.Builder()
            .url("https://api.sandbox.checkout.com/payments") // want(tests): GET /payments
            .header("Authorization", "Bearer sk_sbox_invalid")
            .build()
        val code = OkHttpClient().newCall(request).execute().use { it.code }
        assertEquals(401, code)
    }
}
