package com.acme.market.onboarding;

import com.checkout.CheckoutApi;
import com.checkout.accounts.AccountsClient;
import com.checkout.accounts.AccountsFileRequest;
import com.checkout.accounts.FileUploadRequest;
import com.checkout.accounts.FileUploadResponse;
import com.checkout.accounts.OnboardEntityDetailsResponse;
import com.checkout.accounts.OnboardEntityRequest;
import com.checkout.accounts.OnboardEntityResponse;
import com.checkout.accounts.PaymentInstrumentsQuery;
import com.checkout.accounts.PaymentInstrumentQueryResponse;
import com.checkout.accounts.payout.schedule.request.UpdateScheduleRequest;
import com.checkout.accounts.payout.schedule.response.GetScheduleResponse;
import com.checkout.common.Currency;
import com.checkout.common.IdResponse;

import java.util.concurrent.CompletableFuture;

public class SellerOnboarding {

    private final AccountsClient accounts;

    public SellerOnboarding(CheckoutApi api) {
        this.accounts = api.accountsClient();
    }

    public String onboard(OnboardEntityRequest seller) {
        OnboardEntityResponse created = accounts.createEntitySync(seller); // want: POST /accounts/entities
        return created.getId();
    }

    public CompletableFuture<OnboardEntityDetailsResponse> status(String entityId) {
        return accounts.getEntity(entityId); // want: GET /accounts/entities/{}
    }

    public OnboardEntityResponse correct(String entityId, OnboardEntityRequest update) {
        return accounts.updateEntitySync(update, entityId); // want: PUT /accounts/entities/{}
    }

    /** Identity document for KYC: goes to the Files API, then is linked to the entity. */
    public String uploadIdentityDocument(String entityId, FileUploadRequest document, AccountsFileRequest legacy) {
        FileUploadResponse upload = accounts.uploadFileSync(entityId, document); // want: POST /entities/{}/files
        if (upload.getId() == null) {
            IdResponse fallback = this.accounts.submitFile(legacy).join(); // want: POST /files
            return fallback.getId();
        }
        accounts.retrieveFileSync(entityId, upload.getId()); // want: GET /entities/{}/files/{}
        return upload.getId();
    }

    public PaymentInstrumentQueryResponse bankAccounts(String entityId) {
        PaymentInstrumentsQuery query = PaymentInstrumentsQuery.builder().status("verified").build();
        return accounts.queryPaymentInstrumentsSync(entityId, query); // want: GET /accounts/entities/{}/payment-instruments
    }

    public void weeklyPayouts(String entityId, UpdateScheduleRequest schedule) {
        GetScheduleResponse current = accounts.retrievePayoutScheduleSync(entityId); // want: GET /accounts/entities/{}/payout-schedules
        if (current.getCurrency() == null || !current.getCurrency().containsKey(Currency.EUR)) {
            accounts.updatePayoutSchedule( // want: PUT /accounts/entities/{}/payout-schedules
                    entityId,
                    Currency.EUR,
                    schedule).join();
        }
    }
}
