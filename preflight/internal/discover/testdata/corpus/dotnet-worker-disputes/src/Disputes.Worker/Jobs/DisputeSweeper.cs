using Checkout.Disputes;

namespace Disputes.Worker.Jobs;

/// <summary>
/// Every hour: accept low-value disputes, contest the rest with the stored receipt.
/// Uses <c>IDisputesClient.Query</c> (GET /disputes) under the hood.
/// </summary>
public sealed class DisputeSweeper : BackgroundService
{
    private const long AutoAcceptBelow = 1500;
    private readonly IDisputesClient _disputes;
    private readonly ILogger<DisputeSweeper> _log;

    public DisputeSweeper(IDisputesClient disputes, ILogger<DisputeSweeper> log)
    {
        _disputes = disputes;
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var filter = new DisputesQueryFilter { Statuses = "evidence_required", Limit = 100 };
            DisputesQueryResponse page = await _disputes.Query(filter, stoppingToken).ConfigureAwait(false); // want: GET /disputes
            foreach (var summary in page.Data)
            {
                await Handle(summary.Id, stoppingToken);
            }
            await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
        }
    }

    private async Task Handle(string disputeId, CancellationToken ct)
    {
        DisputeDetailsResponse dispute = await _disputes.GetDisputeDetails(disputeId, ct); // want: GET /disputes/{}
        if (dispute.Amount < AutoAcceptBelow)
        {
            await _disputes.Accept(disputeId, ct); // want: POST /disputes/{}/accept
            _log.LogInformation("Accepted {Dispute}", disputeId);
            return;
        }

        var receipt = Path.Combine("receipts", $"{dispute.PaymentId}.pdf");
        var file = await _disputes.SubmitFile(receipt, "dispute_evidence", ct); // want: POST /files
        var ledger = await _disputes.SubmitFileToFilesApi( // want: POST /files
            Path.Combine("ledgers", $"{dispute.PaymentId}.pdf"),
            "dispute_evidence",
            ct);

        await _disputes.PutEvidence(disputeId, new DisputeEvidenceRequest // want: PUT /disputes/{}/evidence
        {
            ProofOfDeliveryOrServiceFile = file.Id,
            AdditionalEvidenceFile = ledger.Id,
            ProofOfDeliveryOrServiceText = "Delivered and signed for",
        }, ct);
        await _disputes.SubmitEvidence(disputeId, ct); // want: POST /disputes/{}/evidence
        var submitted = await _disputes.GetCompiledSubmittedEvidence(disputeId, ct); // want: GET /disputes/{}/evidence/submitted
        _log.LogInformation("Contested {Dispute}, evidence file {File}", disputeId, submitted.FileId);
    }
}
