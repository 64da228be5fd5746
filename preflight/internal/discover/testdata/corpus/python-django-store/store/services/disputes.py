from datetime import datetime, timedelta, timezone

from checkout_sdk.disputes.disputes import DisputeEvidenceRequest, DisputesQueryFilter
from checkout_sdk.disputes.disputes_client import DisputesClient
from checkout_sdk.files.files import FileRequest
from checkout_sdk.financial.financial import FinancialActionsQuery
from checkout_sdk.financial.financial_client import FinancialClient


def open_disputes(disputes: DisputesClient) -> list:
    query = DisputesQueryFilter()
    query.limit = 50
    query.statuses = "evidence_required"
    query.from_ = datetime.now(timezone.utc) - timedelta(days=30)
    page = disputes.query(query)  # want: GET /disputes
    return [disputes.get_dispute_details(d.id) for d in page.data]  # want: GET /disputes/{}


def fight(disputes: DisputesClient, dispute_id: str, receipt_path: str) -> None:
    file_request = FileRequest()
    file_request.file = receipt_path
    file_request.purpose = "dispute_evidence"
    uploaded = disputes.upload_file(file_request)  # want: POST /files
    evidence = DisputeEvidenceRequest()
    evidence.proof_of_delivery_or_service_file = uploaded.id
    disputes.put_evidence(dispute_id, evidence)  # want: PUT /disputes/{}/evidence
    disputes.submit_evidence(dispute_id)  # want: POST /disputes/{}/evidence


def concede(disputes: DisputesClient, dispute_id: str) -> None:
    disputes.accept(dispute_id)  # want: POST /disputes/{}/accept


def fees_for(financial: FinancialClient, payment_id: str):
    query = FinancialActionsQuery()
    query.payment_id = payment_id
    return financial.query(query)  # want: GET /financial-actions
