using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace RawPay;

/// <summary>Marketplace calls on the merchant's own subdomain and the platform hosts.</summary>
public sealed class PlatformClient
{
    private readonly HttpClient _api;
    private readonly HttpClient _plain = new();
    private readonly string _prefix;

    public PlatformClient(string prefix, string accessToken)
    {
        _prefix = prefix;
        _api = new HttpClient { BaseAddress = new Uri($"https://{prefix}.api.checkout.com/") };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        _plain.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    public static async Task<string> Token(string clientId, string clientSecret, string prefix)
    {
        using var http = new HttpClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        var response = await http.PostAsync($"https://{prefix}.access.checkout.com/connect/token", form); // want: POST /connect/token
        return await response.Content.ReadAsStringAsync();
    }

    public Task<HttpResponseMessage> Onboard(object entity) =>
        _api.PostAsJsonAsync("accounts/entities", entity); // want: POST /accounts/entities

    public Task<string> Entity(string entityId) =>
        _api.GetStringAsync($"accounts/entities/{entityId}"); // want: GET /accounts/entities/{}

    public Task<HttpResponseMessage> Refund(string paymentId, long amount) =>
        _api.PostAsJsonAsync($"payments/{paymentId}/refunds", new { amount }); // want: POST /payments/{}/refunds

    public Task<HttpResponseMessage> Transfer(object transfer) =>
        _plain.PostAsJsonAsync("https://transfers.checkout.com/transfers", transfer); // want: POST /transfers

    public Task<string> Balances(string entityId) =>
        _plain.GetStringAsync($"https://balances.checkout.com/balances/{entityId}?query=currency:GBP"); // want: GET /balances/{}

    public async Task<string> PaymentDetailsOnPrefix(string paymentId)
    {
        var request = new HttpRequestMessage
        {
            Method = HttpMethod.Get,
            RequestUri = new Uri($"https://{_prefix}.api.checkout.com/payments/{paymentId}"), // want: GET /payments/{}
        };
        var response = await _plain.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
