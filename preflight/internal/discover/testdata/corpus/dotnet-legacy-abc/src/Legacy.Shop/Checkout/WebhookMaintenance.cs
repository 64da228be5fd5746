using Checkout.Events.Previous;
using Checkout.Previous;
using Checkout.Reconciliation.Previous;
using Checkout.Sources.Previous;
using Checkout.Webhooks.Previous;

namespace Legacy.Shop.Checkout
{
    public class WebhookMaintenance
    {
        private readonly ICheckoutApi _api;

        public WebhookMaintenance() : this(CheckoutHolder.Api) { }

        public WebhookMaintenance(ICheckoutApi api)
        {
            _api = api;
        }

        public async Task EnsureWebhook(string url)
        {
            var webhooks = _api.WebhooksClient();
            var existing = await webhooks.RetrieveWebhooks(); // want: GET /webhooks
            var match = existing.Items.FirstOrDefault(w => w.Url == url);
            if (match == null)
            {
                await webhooks.RegisterWebhook(new WebhookRequest { Url = url, EventTypes = new List<string> { "payment_captured" } }); // want: POST /webhooks
            }
            else
            {
                await webhooks.PatchWebhook(match.Id, new WebhookRequest { Active = true }); // want: PATCH /webhooks/{}
            }
        }

        public Task Remove(string webhookId) => _api.WebhooksClient().RemoveWebhook(webhookId); // want: DELETE /webhooks/{}

        public async Task ReplayFailed(DateTime since)
        {
            var events = await _api.EventsClient().RetrieveEvents(new RetrieveEventsRequest { From = since, Limit = 100 }); // want: GET /events
            foreach (var e in events.Data)
            {
                await _api.EventsClient().RetryAllWebhooks(e.Id); // want: POST /events/{}/webhooks/retry
            }
        }

        public async Task<int> DailyReport(DateTime day)
        {
            var report = await _api.ReconciliationClient().QueryPaymentsReport(new ReconciliationQueryPaymentsFilter // want: GET /reporting/payments
            {
                From = day,
                To = day.AddDays(1),
            });
            return report.Count;
        }

        public Task<string> SepaMandate(SepaSourceRequest request) =>
            _api.SourcesClient().CreateSepaSource(request).ContinueWith(t => t.Result.Id); // want: POST /sources
    }
}
