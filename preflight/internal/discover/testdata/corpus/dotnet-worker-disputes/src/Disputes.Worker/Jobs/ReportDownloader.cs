using Checkout;
using Checkout.Reports;
using Checkout.Workflows;

namespace Disputes.Worker.Jobs;

public sealed class ReportDownloader : BackgroundService
{
    private readonly ICheckoutApi _api;

    public ReportDownloader(ICheckoutApi api) => _api = api;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reports = await _api.ReportsClient().GetAllReports(new ReportsQuery // want: GET /reports
        {
            CreatedAfter = DateTime.UtcNow.AddDays(-1),
            Limit = 10,
        }, stoppingToken);

        foreach (var report in reports.Data)
        {
            var details = await _api.ReportsClient().GetReportDetails(report.Id, stoppingToken); // want: GET /reports/{}
            foreach (var file in details.Files)
            {
                var content = await _api.ReportsClient()
                    .GetReportFile(report.Id, file.Id, stoppingToken); // want: GET /reports/{}/files/{}
                await File.WriteAllBytesAsync($"/data/reports/{file.Filename}", content.Content, stoppingToken);
            }
        }

        await EnsureDisputeWorkflow();
    }

    private async Task EnsureDisputeWorkflow()
    {
        IWorkflowsClient workflows = _api.WorkflowsClient();
        var existing = await workflows.GetWorkflows(); // want: GET /workflows
        if (existing.Data.Any(w => w.Name == "dispute-alerts"))
        {
            return;
        }
        var created = await workflows.CreateWorkflow(new CreateWorkflowRequest { Name = "dispute-alerts", Active = true }); // want: POST /workflows
        await workflows.TestWorkflow(created.Id, new EventTypesRequest { EventTypes = new List<string> { "dispute_received" } }); // want: POST /workflows/{}/test
    }
}
