namespace Acme.Store.Payments;

public interface IPaymentsClient
{
    Task<string> RefundPayment(string paymentId, long amount);
    Task CapturePayment(string paymentId);
    Task<string> GetPaymentDetails(string paymentId);
}

/// <summary>Client for the in-house ledger service at ledger.internal.</summary>
public class PaymentsClient : IPaymentsClient
{
    private readonly HttpClient _http;

    public PaymentsClient(HttpClient http) => _http = http;

    public async Task<string> RefundPayment(string paymentId, long amount)
    {
        var response = await _http.PostAsync($"/ledger/payments/{paymentId}/refund?amount={amount}", null);
        return await response.Content.ReadAsStringAsync();
    }

    public Task CapturePayment(string paymentId) => _http.PostAsync($"/ledger/payments/{paymentId}/capture", null);

    public Task<string> GetPaymentDetails(string paymentId) => _http.GetStringAsync($"/ledger/payments/{paymentId}");
}
