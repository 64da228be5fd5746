package com.acme.subs.billing

import com.checkout.common.Currency
import com.checkout.customers.CustomerRequest
import com.checkout.customers.CustomersClient
import com.checkout.instruments.InstrumentsClient
import com.checkout.instruments.create.CreateInstrumentTokenRequest
import com.checkout.instruments.update.UpdateInstrumentCardRequest
import com.checkout.payments.PaymentType
import com.checkout.payments.PaymentsClient
import com.checkout.payments.request.PaymentRequest
import com.checkout.payments.request.source.RequestIdSource
import org.springframework.stereotype.Service

@Service
class SubscriptionBilling(
    private val paymentsClient: PaymentsClient,
    private val customersClient: CustomersClient,
    private val instrumentsClient: InstrumentsClient,
) {
    fun enrol(email: String, cardToken: String): Pair<String, String> {
        val customerId = customersClient.createSync(CustomerRequest.builder().email(email).build()).id // want: POST /customers
        val instrument = instrumentsClient.create( // want: POST /instruments
            CreateInstrumentTokenRequest.builder()
                .token(cardToken)
                .build(),
        ).get()
        return customerId to instrument.id
    }

    fun charge(instrumentId: String, amount: Long, period: String): String {
        val request = PaymentRequest.builder()
            .source(RequestIdSource.builder().id(instrumentId).build())
            .amount(amount)
            .currency(Currency.USD)
            .paymentType(PaymentType.RECURRING)
            .merchantInitiated(true)
            .reference("sub-$period")
            .build()
        return paymentsClient.requestPaymentSync(request, "sub-$instrumentId-$period").id // want: POST /payments
    }

    fun cardOnFile(instrumentId: String) = instrumentsClient.get(instrumentId).get() // want: GET /instruments/{}

    fun subscriber(customerId: String) = customersClient.get(customerId).join() // want: GET /customers/{}

    fun renameSubscriber(customerId: String, name: String) {
        customersClient.updateSync(customerId, CustomerRequest.builder().name(name).build()) // want: PATCH /customers/{}
    }

    fun updateExpiry(instrumentId: String, month: Int, year: Int) {
        instrumentsClient.updateSync( // want: PATCH /instruments/{}
            instrumentId,
            UpdateInstrumentCardRequest.builder().expiryMonth(month).expiryYear(year).build(),
        )
    }

    fun cancel(customerId: String, instrumentId: String) {
        instrumentsClient.delete(instrumentId).join() // want: DELETE /instruments/{}
        customersClient.deleteSync(customerId) // want: DELETE /customers/{}
    }
}
