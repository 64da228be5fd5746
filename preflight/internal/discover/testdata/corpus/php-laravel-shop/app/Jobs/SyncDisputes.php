<?php

namespace App\Jobs;

use Checkout\CheckoutApi;
use Checkout\Disputes\DisputeEvidenceRequest;
use Checkout\Disputes\DisputesQueryFilter;
use Checkout\Files\FileRequest;
use Checkout\Financial\FinancialActionsQuery;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;

class SyncDisputes implements ShouldQueue
{
    use Dispatchable;

    public function handle(CheckoutApi $api): void
    {
        $disputes = $api->getDisputesClient();
        $filter = new DisputesQueryFilter();
        $filter->limit = 50;
        $filter->statuses = 'evidence_required';
        $page = $disputes->query($filter); // want: GET /disputes

        foreach ($page['data'] as $summary) {
            $dispute = $disputes->getDisputeDetails($summary['id']); // want: GET /disputes/{}
            if ($dispute['amount'] < 500) {
                $disputes->accept($dispute['id']); // want: POST /disputes/{}/accept
                continue;
            }
            $file = new FileRequest();
            $file->file = storage_path("evidence/{$dispute['id']}.pdf");
            $file->purpose = 'dispute_evidence';
            $uploaded = $disputes->uploadFile($file); // want: POST /files

            $evidence = new DisputeEvidenceRequest();
            $evidence->proof_of_delivery_or_service_file = $uploaded['id'];
            $disputes->putEvidence($dispute['id'], $evidence); // want: PUT /disputes/{}/evidence
            $disputes->submitEvidence($dispute['id']); // want: POST /disputes/{}/evidence
        }

        $query = new FinancialActionsQuery();
        $query->limit = 100;
        $fees = $api->getFinancialClient()->query($query); // want: GET /financial-actions
        logger()->info('fees', ['count' => count($fees['data'])]);
    }
}
