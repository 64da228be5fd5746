using Stripe;
using Stripe.Checkout;

namespace Acme.Store.Stripe;

public class StripeCheckout
{
    public async Task<string> StartSession(string priceId, string successUrl)
    {
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            SuccessUrl = successUrl,
            LineItems = new List<SessionLineItemOptions> { new() { Price = priceId, Quantity = 1 } },
        };
        var service = new SessionService();
        Session session = await service.CreateAsync(options);
        return session.Url;
    }

    public Session Get(string id) => new global::Stripe.Checkout.SessionService().Get(id);

    public Refund RefundCharge(string paymentIntentId) =>
        new RefundService().Create(new RefundCreateOptions { PaymentIntent = paymentIntentId });
}
