using Checkout;
using Checkout.Common;
using Checkout.Payments.Request;
using Checkout.Payments.Request.Source;
using Orders.Api.Services;
using Xunit;

namespace Orders.Tests;

[Trait("Category", "Sandbox")]
public class RefundServiceTests
{
    private readonly ICheckoutApi _api = CheckoutSdk.Builder().StaticKeys()
        .SecretKey(System.Environment.GetEnvironmentVariable("CHECKOUT_SANDBOX_SECRET_KEY"))
        .Environment(Checkout.Environment.Sandbox)
        .Build();

    [Fact]
    public async Task RefundsACapturedPayment()
    {
        var payment = await _api.PaymentsClient().RequestPayment(new PaymentRequest // want(tests): POST /payments
        {
            Source = new RequestCardSource { Number = "4242424242424242", ExpiryMonth = 12, ExpiryYear = 2030, Cvv = "100" },
            Amount = 1000,
            Currency = Currency.EUR,
            Capture = true,
        });

        var actionId = await new RefundService(_api).Refund(payment.Id, null);
        Assert.NotNull(actionId);

        var details = await _api.PaymentsClient().GetPaymentDetails(payment.Id); // want(tests): GET /payments/{}
        Assert.Equal(PaymentStatus.Refunded, details.Status);
    }
}
