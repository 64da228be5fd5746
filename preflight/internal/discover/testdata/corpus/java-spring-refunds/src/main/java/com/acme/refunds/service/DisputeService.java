package com.acme.refunds.service;

import com.checkout.CheckoutApi;
import com.checkout.common.ContentType;
import com.checkout.common.FilePurpose;
import com.checkout.common.FileRequest;
import com.checkout.common.IdResponse;
import com.checkout.disputes.DisputeDetailsResponse;
import com.checkout.disputes.DisputeEvidenceRequest;
import com.checkout.disputes.DisputeEvidenceResponse;
import com.checkout.disputes.DisputesClient;
import com.checkout.disputes.DisputesQueryFilter;
import com.checkout.disputes.DisputesQueryResponse;
import com.checkout.disputes.SchemeFileResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import java.io.File;
import java.util.concurrent.ExecutionException;

@Service
public class DisputeService {

    @Autowired
    @Qualifier("disputesApi")
    private CheckoutApi checkoutApi;

    public DisputesQueryResponse needingEvidence() throws ExecutionException, InterruptedException {
        DisputesQueryFilter filter = DisputesQueryFilter.builder()
                .statuses("evidence_required")
                .limit(50)
                .build();
        return checkoutApi.disputesClient().query(filter).get(); // want: GET /disputes
    }

    public DisputeDetailsResponse details(String disputeId) {
        return checkoutApi.disputesClient().getDisputeDetailsSync(disputeId); // want: GET /disputes/{}
    }

    public void acceptLoss(String disputeId) {
        checkoutApi.disputesClient().acceptSync(disputeId); // want: POST /disputes/{}/accept
    }

    public void contest(String disputeId, File receipt) throws ExecutionException, InterruptedException {
        DisputesClient disputes = checkoutApi.disputesClient();
        FileRequest file = FileRequest.builder()
                .file(receipt)
                .contentType(ContentType.PDF)
                .purpose(FilePurpose.DISPUTE_EVIDENCE)
                .build();
        IdResponse uploaded = disputes.uploadFile(file).get(); // want: POST /files
        DisputeEvidenceRequest evidence = DisputeEvidenceRequest.builder()
                .proofOfDeliveryOrServiceFile(uploaded.getId())
                .proofOfDeliveryOrServiceText("Signed for by the customer")
                .build();
        disputes.putEvidence(disputeId, evidence).get(); // want: PUT /disputes/{}/evidence
        disputes
                .submitEvidence(disputeId) // want: POST /disputes/{}/evidence
                .get();
    }

    public DisputeEvidenceResponse evidence(String disputeId) {
        return checkoutApi.disputesClient().getEvidenceSync(disputeId); // want: GET /disputes/{}/evidence
    }

    public SchemeFileResponse schemeFiles(String disputeId) {
        return checkoutApi
                .disputesClient()
                .getDisputeSchemeFiles(disputeId) // want: GET /disputes/{}/schemefiles
                .join();
    }
}
