package com.acme.raw

import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.engine.cio.CIO
import io.ktor.client.request.bearerAuth
import io.ktor.client.request.forms.submitForm
import io.ktor.client.request.get
import io.ktor.client.request.post
import io.ktor.client.request.setBody
import io.ktor.http.ContentType
import io.ktor.http.contentType
import io.ktor.http.parameters

class KtorGateway(private val prefix: String, private val clientId: String, private val clientSecret: String) {
    private val client = HttpClient(CIO)

    suspend fun token(): String =
        client.submitForm(
            url = "https://$prefix.access.checkout.com/connect/token", // want: POST /connect/token
            formParameters = parameters {
                append("grant_type", "client_credentials")
                append("client_id", clientId)
                append("client_secret", clientSecret)
            },
        ).body()

    suspend fun paymentLink(token: String, body: String): String =
        client.post("https://$prefix.api.checkout.com/payment-links") { // want: POST /payment-links
            bearerAuth(token)
            contentType(ContentType.Application.Json)
            setBody(body)
        }.body()

    suspend fun transfer(token: String, body: String): String =
        client.post("https://transfers.checkout.com/transfers") { // want: POST /transfers
            bearerAuth(token)
            contentType(ContentType.Application.Json)
            setBody(body)
        }.body()

    suspend fun paymentActions(token: String, paymentId: String): String =
        client.get("https://$prefix.api.checkout.com/payments/$paymentId/actions") { // want: GET /payments/{}/actions
            bearerAuth(token)
        }.body()
}
