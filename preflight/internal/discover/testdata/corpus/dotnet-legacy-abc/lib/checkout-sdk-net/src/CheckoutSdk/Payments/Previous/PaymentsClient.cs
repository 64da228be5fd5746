using System.Threading;
using System.Threading.Tasks;
using Checkout.Common;
using Checkout.Payments.Previous.Request;
using Checkout.Payments.Previous.Response;

namespace Checkout.Payments.Previous
{
    public class PaymentsClient : AbstractClient, IPaymentsClient
    {
        private const string PaymentsPath = "payments";

        public PaymentsClient(IApiClient apiClient, CheckoutConfiguration configuration) :
            base(apiClient, configuration, SdkAuthorizationType.SecretKey)
        {
        }

        public Task<PaymentResponse> RequestPayment(
            PaymentRequest paymentRequest,
            string idempotencyKey = null,
            CancellationToken cancellationToken = default)
        {
            CheckoutUtils.ValidateParams("paymentRequest", paymentRequest);
            return ApiClient.Post<PaymentResponse>(PaymentsPath, SdkAuthorization(), paymentRequest,
                cancellationToken, idempotencyKey);
        }

        public Task<GetPaymentResponse> GetPaymentDetails(string paymentId,
            CancellationToken cancellationToken = default)
        {
            CheckoutUtils.ValidateParams("paymentId", paymentId);
            return ApiClient.Get<GetPaymentResponse>(BuildPath(PaymentsPath, paymentId), SdkAuthorization(),
                cancellationToken);
        }

        public Task<RefundResponse> RefundPayment(string paymentId, RefundRequest refundRequest = null,
            string idempotencyKey = null, CancellationToken cancellationToken = default)
        {
            CheckoutUtils.ValidateParams("paymentId", paymentId);
            return ApiClient.Post<RefundResponse>(BuildPath(PaymentsPath, paymentId, "refunds"), SdkAuthorization(),
                refundRequest, cancellationToken, idempotencyKey);
        }

        public Task<VoidResponse> VoidPayment(string paymentId, VoidRequest voidRequest = null,
            string idempotencyKey = null, CancellationToken cancellationToken = default)
        {
            CheckoutUtils.ValidateParams("paymentId", paymentId);
            return ApiClient.Post<VoidResponse>(BuildPath(PaymentsPath, paymentId, "voids"), SdkAuthorization(),
                voidRequest, cancellationToken, idempotencyKey);
        }
    }
}
