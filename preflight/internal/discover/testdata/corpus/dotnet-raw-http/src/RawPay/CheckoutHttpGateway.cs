using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Logging;

namespace RawPay;

/// <summary>
/// Thin HTTP wrapper over the Checkout.com API (https://api.checkout.com in production).
/// </summary>
public sealed class CheckoutHttpGateway
{
    private const string BaseUrl = "https://api.sandbox.checkout.com";
    private const string FilesUrl = "https://files.sandbox.checkout.com";

    private readonly HttpClient _http;
    private readonly ILogger<CheckoutHttpGateway> _log;

    public CheckoutHttpGateway(HttpClient http, string secretKey, ILogger<CheckoutHttpGateway> log)
    {
        _http = http;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secretKey);
        _log = log;
    }

    public async Task<string> RequestPayment(string json, CancellationToken ct)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await _http.PostAsync(BaseUrl + "/payments", content, ct); // want: POST /payments
        _log.LogDebug("POST {Url} -> {Status}", "https://api.sandbox.checkout.com/payments", response.StatusCode);
        return await response.Content.ReadAsStringAsync(ct);
    }

    public async Task Capture(string paymentId, long amount)
    {
        var response = await _http.PostAsJsonAsync($"{BaseUrl}/payments/{paymentId}/captures", new { amount }); // want: POST /payments/{}/captures
        response.EnsureSuccessStatusCode();
    }

    public async Task<string> Details(string paymentId) =>
        await _http.GetStringAsync($"{BaseUrl}/payments/{paymentId}"); // want: GET /payments/{}

    public async Task<string> Refund(string paymentId, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{BaseUrl}/payments/{paymentId}/refunds") // want: POST /payments/{}/refunds
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Cko-Idempotency-Key", $"refund-{paymentId}");
        using var response = await _http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<string> UploadEvidence(Stream pdf, string fileName)
    {
        using var form = new MultipartFormDataContent
        {
            { new StreamContent(pdf), "file", fileName },
            { new StringContent("dispute_evidence"), "purpose" },
        };
        var response = await _http.PostAsync(FilesUrl + "/files", form); // want: POST /files
        return await response.Content.ReadAsStringAsync();
    }

    public Task DeleteInstrument(string instrumentId) =>
        _http.DeleteAsync(string.Format("{0}/instruments/{1}", BaseUrl, instrumentId)); // want: DELETE /instruments/{}
}
