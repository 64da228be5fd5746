using Checkout;
using Checkout.Payments;

namespace Orders.Api.Services;

public class RefundService
{
    private readonly ICheckoutApi _api;

    public RefundService(ICheckoutApi api)
    {
        _api = api;
    }

    public async Task<string> Refund(string paymentId, long? amount, CancellationToken ct = default)
    {
        var request = new RefundRequest { Amount = amount, Reference = $"refund-{paymentId}" };
        var response = await _api.PaymentsClient().RefundPayment(paymentId, request, cancellationToken: ct); // want: POST /payments/{}/refunds
        return response.ActionId;
    }

    public async Task Capture(string paymentId, long amount)
    {
        await _api.PaymentsClient()
            .CapturePayment( // want: POST /payments/{}/captures
                paymentId,
                new CaptureRequest { Amount = amount, Reference = $"capture-{paymentId}" },
                idempotencyKey: $"capture-{paymentId}");
    }

    public Task Void(string paymentId) =>
        _api.PaymentsClient().VoidPayment(paymentId, new VoidRequest { Reference = "order-cancelled" }); // want: POST /payments/{}/voids

    public void ReverseBlocking(string paymentId)
    {
        // Called from the legacy synchronous admin page.
        _api.PaymentsClient().ReverseAPayment(paymentId).GetAwaiter().GetResult(); // want: POST /payments/{}/reversals
    }

    public async Task<int> CountActions(string paymentId)
    {
        var payments = _api.PaymentsClient();
        var actions = await payments.GetPaymentActions(paymentId); // want: GET /payments/{}/actions
        return actions.Items.Count;
    }

    public async Task TopUp(string paymentId, long extra)
    {
        IPaymentsClient payments = _api.PaymentsClient();
        await payments.IncrementPaymentAuthorization(paymentId, new AuthorizationRequest { Amount = extra }); // want: POST /payments/{}/authorizations
    }

    // Retries are not scheduled any more; kept for when dunning comes back.
    // await _api.PaymentsClient().CancelAScheduledRetry(paymentId, new CancelAScheduledRetryRequest());
}
