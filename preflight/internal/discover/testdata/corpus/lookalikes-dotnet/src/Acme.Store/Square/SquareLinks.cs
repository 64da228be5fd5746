using Square;
using Square.Apis;
using Square.Models;

namespace Acme.Store.Square;

/// <summary>Square's SDK also has an ICheckoutApi (payment links); unrelated to Checkout.com.</summary>
public class SquareLinks
{
    private readonly ICheckoutApi _checkoutApi;

    public SquareLinks(ISquareClient client)
    {
        _checkoutApi = client.CheckoutApi;
    }

    public async Task<string> Create(string locationId, long cents)
    {
        var body = new CreatePaymentLinkRequest.Builder()
            .QuickPay(new QuickPay.Builder("Order", new Money.Builder().Amount(cents).Currency("USD").Build(), locationId).Build())
            .Build();
        var response = await _checkoutApi.CreatePaymentLinkAsync(body);
        return response.PaymentLink.Url;
    }

    public Task DeleteLink(string id) => _checkoutApi.DeletePaymentLinkAsync(id);
}
