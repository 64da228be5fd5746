package com.acme.market.payouts;

import com.acme.market.CheckoutFactory;
import com.checkout.CheckoutApi;
import com.checkout.balances.BalancesQuery;
import com.checkout.balances.BalancesResponse;
import com.checkout.transfers.TransferDetailsResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;

class PayoutJobTest {

    private final CheckoutApi api = CheckoutFactory.platform(
            System.getenv("CKO_CLIENT_ID"), System.getenv("CKO_CLIENT_SECRET"));

    @Test
    void readsSandboxBalances() {
        BalancesResponse response = api.balancesClient()
                .retrieveEntityBalancesSync("ent_sandbox_seller", BalancesQuery.builder().build()); // want(tests): GET /balances/{}
        assertNotNull(response.getData());
    }

    @Test
    void sweepsAndReadsBack() throws Exception {
        String id = PayoutJob.sweep(api.transfersClient(), "ent_platform", "ent_sandbox_seller");
        TransferDetailsResponse transfer = api.transfersClient().retrieveATransfer(id).get(); // want(tests): GET /transfers/{}
        assertNotNull(transfer.getStatus());
    }
}
