using System.Threading;
using System.Threading.Tasks;
using Checkout.Common;

namespace Checkout.Webhooks.Previous
{
    public class WebhooksClient : AbstractClient, IWebhooksClient
    {
        private const string WebhooksPath = "webhooks";

        public WebhooksClient(IApiClient apiClient, CheckoutConfiguration configuration) :
            base(apiClient, configuration, SdkAuthorizationType.SecretKey)
        {
        }

        public Task<ItemsResponse<WebhookResponse>> RetrieveWebhooks(CancellationToken cancellationToken = default)
        {
            return ApiClient.Get<ItemsResponse<WebhookResponse>>(WebhooksPath, SdkAuthorization(), cancellationToken);
        }

        public Task<EmptyResponse> RemoveWebhook(string webhookId, CancellationToken cancellationToken = default)
        {
            CheckoutUtils.ValidateParams("webhookId", webhookId);
            return ApiClient.Delete<EmptyResponse>(BuildPath(WebhooksPath, webhookId), SdkAuthorization(),
                cancellationToken);
        }
    }
}
