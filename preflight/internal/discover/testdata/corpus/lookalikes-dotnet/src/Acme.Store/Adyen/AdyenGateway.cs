using Adyen;
using Adyen.Model.Checkout;
using Adyen.Service.Checkout;

namespace Acme.Store.Adyen;

public class AdyenGateway
{
    private readonly Client _client = new(System.Environment.GetEnvironmentVariable("ADYEN_API_KEY"), global::Adyen.Model.Environment.Test);

    /// <summary>Adyen library v9 style: the service class is literally called Checkout.</summary>
    public PaymentResponse PayLegacy(PaymentRequest request)
    {
        var checkout = new global::Adyen.Service.Checkout(_client);
        return checkout.Payments(request);
    }

    public Task<PaymentResponse> Pay(PaymentRequest request)
    {
        var payments = new PaymentsService(_client);
        return payments.PaymentsAsync(request);
    }

    public Task<PaymentRefundResponse> Refund(string pspReference, long value)
    {
        var modifications = new ModificationsService(_client);
        return modifications.RefundCapturedPaymentAsync(pspReference, new PaymentRefundRequest
        {
            Amount = new Amount("EUR", value),
            MerchantAccount = "AcmeStoreECOM",
        });
    }

    public const string AdyenEndpoint = "https://checkout-test.adyen.com/v71/payments";
}
