package com.acme.legacy;

import com.checkout.common.QueryFilterDateRange;
import com.checkout.reconciliation.previous.ReconciliationClient;
import com.checkout.reconciliation.previous.ReconciliationPaymentReportResponse;
import com.checkout.reconciliation.previous.ReconciliationQueryPaymentsFilter;

import java.time.Instant;

public class ReconciliationExport {

    public static void main(String[] args) throws Exception {
        ReconciliationClient reconciliation = LegacyCheckout.get().reconciliationClient();
        Instant to = Instant.now();
        Instant from = to.minusSeconds(86_400);

        ReconciliationQueryPaymentsFilter filter = ReconciliationQueryPaymentsFilter.builder()
                .from(from).to(to).limit(500)
                .build();
        ReconciliationPaymentReportResponse report = reconciliation.queryPaymentsReport(filter).get(); // want: GET /reporting/payments
        System.out.println(report.getCount() + " payments");

        QueryFilterDateRange range = QueryFilterDateRange.builder().from(from).to(to).build();
        reconciliation.retrieveCSVPaymentReport(range, "/var/exports/payments.csv").get(); // want: GET /reporting/payments/download
    }
}
