package com.acme.raw

import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import org.slf4j.LoggerFactory

private const val BASE_URL = "https://api.sandbox.checkout.com"

class OkHttpGateway(private val secretKey: String, private val http: OkHttpClient = OkHttpClient()) {
    private val log = LoggerFactory.getLogger(javaClass)
    private val json = "application/json".toMediaType()

    fun capture(paymentId: String, amount: Long): Int {
        val request = Request.Builder()
            .url("$BASE_URL/payments/$paymentId/captures") // want: POST /payments/{}/captures
            .header("Authorization", "Bearer $secretKey")
            .post("""{"amount":$amount}""".toRequestBody(json))
            .build()
        http.newCall(request).execute().use { response ->
            log.info("capture via api.sandbox.checkout.com returned {}", response.code)
            return response.code
        }
    }

    fun details(paymentId: String): String {
        val request = Request.Builder()
            .url("${BASE_URL}/payments/${paymentId}") // want: GET /payments/{}
            .header("Authorization", "Bearer $secretKey")
            .get()
            .build()
        return http.newCall(request).execute().use { it.body!!.string() }
    }

    fun voidPayment(paymentId: String) {
        val request = Request.Builder()
            .url(BASE_URL + "/payments/" + paymentId + "/voids") // want: POST /payments/{}/voids
            .header("Authorization", "Bearer $secretKey")
            .post("{}".toRequestBody(json))
            .build()
        http.newCall(request).execute().close()
    }
}
