using Checkout;
using Checkout.Issuing.Cardholders;
using Checkout.Issuing.Cards.Requests.Create;

namespace Disputes.Worker.Issuing;

/// <summary>Issuing needs OAuth; the static-key API registered by AddCheckoutSdk cannot reach it.</summary>
public sealed class IssuingApiFactory
{
    private readonly Lazy<ICheckoutApi> _api;

    public IssuingApiFactory(IConfiguration config)
    {
        _api = new Lazy<ICheckoutApi>(() =>
            CheckoutSdk.Builder().OAuth() // want: POST /connect/token
                .ClientCredentials(config["Issuing:ClientId"], config["Issuing:ClientSecret"])
                .AuthorizationUri(new Uri("https://access.sandbox.checkout.com/connect/token"))
                .Scopes(OAuthScope.IssuingCard, OAuthScope.IssuingClient)
                .Environment(Checkout.Environment.Sandbox)
                .Build());
    }

    public async Task<string> IssueVirtualCard(CardholderRequest holder, VirtualCardCreateRequest card)
    {
        var issuing = _api.Value.IssuingClient();
        var cardholder = await issuing.CreateCardholder(holder); // want: POST /issuing/cardholders
        card.CardholderId = cardholder.Id;
        var created = await issuing.CreateCard(card); // want: POST /issuing/cards
        await issuing.ActivateCard(created.Id); // want: POST /issuing/cards/{}/activate
        var details = await _api.Value.IssuingClient().GetCardDetails(created.Id); // want: GET /issuing/cards/{}
        return details.Id;
    }
}
