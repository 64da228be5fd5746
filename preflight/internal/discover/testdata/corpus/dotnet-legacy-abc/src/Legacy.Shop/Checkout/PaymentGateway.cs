using Checkout.Common;
using Checkout.Payments;
using Checkout.Payments.Previous;
using Checkout.Payments.Previous.Request;
using Checkout.Payments.Previous.Request.Source;
using Checkout.Tokens;

namespace Legacy.Shop.Checkout
{
    public class PaymentGateway
    {
        private readonly IPaymentsClient _payments = CheckoutHolder.Api.PaymentsClient();

        public string Tokenize(string pan, int month, int year, string cvv)
        {
            var request = new CardTokenRequest { Number = pan, ExpiryMonth = month, ExpiryYear = year, Cvv = cvv };
            return CheckoutHolder.Api.TokensClient().Request(request).Result.Token; // want: POST /tokens
        }

        public async Task<string> Authorize(string token, long amount, string orderId)
        {
            var request = new PaymentRequest
            {
                Source = new RequestTokenSource { Token = token },
                Amount = amount,
                Currency = Currency.USD,
                Reference = orderId,
            };
            var response = await _payments.RequestPayment(request, orderId); // want: POST /payments
            return response.Id;
        }

        public async Task CaptureAndConfirm(string paymentId)
        {
            await Task.WhenAll(_payments.CapturePayment(paymentId), _payments.GetPaymentActions(paymentId)); // want: POST /payments/{}/captures; GET /payments/{}/actions
        }

        public Task Refund(string paymentId, long amount) =>
            _payments.RefundPayment(paymentId, new RefundRequest { Amount = amount }); // want: POST /payments/{}/refunds

        public void Void(string paymentId)
        {
            _payments.VoidPayment(paymentId).Wait(); // want: POST /payments/{}/voids
        }

        public async Task<string> Status(string paymentId)
        {
            var payment = await CheckoutHolder.Api.PaymentsClient().GetPaymentDetails(paymentId); // want: GET /payments/{}
            return payment.Status.ToString();
        }

        public async Task<string> CustomerEmail(string customerId)
        {
            var customer = await CheckoutHolder.Api.CustomersClient().Get(customerId); // want: GET /customers/{}
            return customer.Email;
        }
    }
}
