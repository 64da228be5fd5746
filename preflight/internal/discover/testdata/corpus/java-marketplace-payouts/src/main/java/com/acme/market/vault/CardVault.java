package com.acme.market.vault;

import com.checkout.CheckoutApi;
import com.checkout.common.IdResponse;
import com.checkout.customers.CustomerRequest;
import com.checkout.customers.CustomerResponse;
import com.checkout.customers.CustomersClient;
import com.checkout.instruments.InstrumentsClient;
import com.checkout.instruments.create.CreateInstrumentResponse;
import com.checkout.instruments.create.CreateInstrumentTokenRequest;
import com.checkout.instruments.get.GetInstrumentResponse;
import com.checkout.instruments.update.UpdateInstrumentCardRequest;

/** Stores buyer cards against a customer record. */
public class CardVault {

    private final CustomersClient customers;
    private final InstrumentsClient instruments;

    public CardVault(CheckoutApi api) {
        this.customers = api.customersClient();
        this.instruments = api.instrumentsClient();
    }

    public String saveCard(String email, String name, String token) throws Exception {
        CustomerRequest customer = CustomerRequest.builder().email(email).name(name).build();
        IdResponse customerId = customers.create(customer).get(); // want: POST /customers
        CreateInstrumentTokenRequest card = CreateInstrumentTokenRequest.builder()
                .token(token)
                .build();
        CreateInstrumentResponse instrument = instruments.create(card).get(); // want: POST /instruments
        return customerId.getId() + ":" + instrument.getId();
    }

    public GetInstrumentResponse card(String instrumentId) {
        return instruments.getSync(instrumentId); // want: GET /instruments/{}
    }

    public CustomerResponse buyer(String customerId) {
        return customers.getSync(customerId); // want: GET /customers/{}
    }

    public void changeExpiry(String instrumentId, int month, int year) {
        UpdateInstrumentCardRequest update = UpdateInstrumentCardRequest.builder()
                .expiryMonth(month)
                .expiryYear(year)
                .build();
        instruments.update(instrumentId, update).join(); // want: PATCH /instruments/{}
    }

    public void forget(String customerId, String instrumentId) {
        instruments.deleteSync(instrumentId); // want: DELETE /instruments/{}
        customers.delete(customerId).join(); // want: DELETE /customers/{}
    }
}
