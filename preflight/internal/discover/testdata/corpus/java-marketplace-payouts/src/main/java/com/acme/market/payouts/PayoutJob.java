package com.acme.market.payouts;

import com.checkout.CheckoutApi;
import com.checkout.balances.BalancesClient;
import com.checkout.balances.BalancesQuery;
import com.checkout.balances.BalancesResponse;
import com.checkout.common.Currency;
import com.checkout.disputes.DisputesQueryFilter;
import com.checkout.disputes.DisputesQueryResponse;
import com.checkout.financial.FinancialActionsQueryFilter;
import com.checkout.financial.FinancialActionsQueryResponse;
import com.checkout.payments.request.PayoutRequest;
import com.checkout.payments.response.PayoutResponse;
import com.checkout.transfers.CreateTransferRequest;
import com.checkout.transfers.CreateTransferResponse;
import com.checkout.transfers.TransferDetailsResponse;
import com.checkout.transfers.TransfersClient;

/** Nightly job: sweep seller balances to their bank accounts. */
public class PayoutJob {

    private final CheckoutApi api;

    public PayoutJob(CheckoutApi api) {
        this.api = api;
    }

    public void run(String platformEntityId, String sellerEntityId, PayoutRequest bankPayout) throws Exception {
        BalancesResponse balances = available(api.balancesClient(), sellerEntityId);
        if (balances.getData().isEmpty()) {
            return;
        }
        if (hasOpenDisputes(sellerEntityId)) {
            return;
        }
        String transferId = sweep(api.transfersClient(), platformEntityId, sellerEntityId);
        TransferDetailsResponse transfer = api.transfersClient().retrieveATransferSync(transferId); // want: GET /transfers/{}
        if ("completed".equals(transfer.getStatus().toString())) {
            PayoutResponse payout = api.paymentsClient().requestPayout(bankPayout, "payout-" + transferId).get(); // want: POST /payments
            System.out.printf("payout %s queued%n", payout.getId());
        }
    }

    static BalancesResponse available(BalancesClient balancesClient, String entityId) {
        BalancesQuery query = BalancesQuery.builder().query("currency:" + Currency.EUR).build();
        return balancesClient.retrieveEntityBalancesSync(entityId, query); // want: GET /balances/{}
    }

    static String sweep(TransfersClient transfers, String from, String to) throws Exception {
        CreateTransferRequest request = CreateTransferRequest.builder()
                .reference("sweep-" + to)
                .build();
        CreateTransferResponse response = transfers
                .initiateTransferOfFunds(request, "sweep-" + to) // want: POST /transfers
                .get();
        return response.getId();
    }

    boolean hasOpenDisputes(String entityId) {
        DisputesQueryFilter filter = DisputesQueryFilter.builder().entityIds(entityId).statuses("evidence_required").build();
        DisputesQueryResponse disputes = api.disputesClient().querySync(filter); // want: GET /disputes
        return disputes.getTotalCount() > 0;
    }

    public FinancialActionsQueryResponse ledger(String paymentId) {
        FinancialActionsQueryFilter filter = FinancialActionsQueryFilter.builder().paymentId(paymentId).limit(100).build();
        return api.financialClient().query(filter).join(); // want: GET /financial-actions
    }
}
