namespace Acme.Store.Docs;

/// <summary>
/// Plan for moving card payments to Checkout.com:
/// <code>
/// ICheckoutApi api = CheckoutSdk.Builder().OAuth().ClientCredentials(id, secret).Build();
/// await api.PaymentsClient().RequestPayment(request);
/// </code>
/// Requests go to https://api.checkout.com/payments; tokens from https://access.checkout.com/connect/token.
/// </summary>
public static class CheckoutComMigration
{
    /* Not enabled yet:
    var refund = await _api.PaymentsClient().RefundPayment(paymentId);
    await _http.PostAsync("https://api.checkout.com/payments", content);
    */

    // await _api.DisputesClient().Query(new DisputesQueryFilter());

    public const string BaseUrlHelp = "Checkout.com base URL, e.g. https://api.sandbox.checkout.com";

    public static string Describe(string prefix) =>
        $"Production traffic would use {prefix}.api.checkout.com (see api.checkout.com/payments docs)";
}
