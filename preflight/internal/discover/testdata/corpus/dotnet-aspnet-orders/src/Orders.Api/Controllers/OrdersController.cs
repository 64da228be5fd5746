using Checkout.Common;
using Checkout.Payments;
using Checkout.Payments.Request;
using Checkout.Payments.Request.Source;
using Checkout.Payments.Response;
using Microsoft.AspNetCore.Mvc;

namespace Orders.Api.Controllers;

[ApiController]
[Route("api")]
public class OrdersController : ControllerBase
{
    private readonly IPaymentsClient _paymentsClient;
    private readonly ILogger<OrdersController> _logger;

    public OrdersController(IPaymentsClient paymentsClient, ILogger<OrdersController> logger)
    {
        _paymentsClient = paymentsClient;
        _logger = logger;
    }

    public record PayBody(string Token, long Amount, string OrderId);

    /// <summary>Takes a card token from Frames and authorizes it.</summary>
    [HttpPost("payments")]
    public async Task<IActionResult> Pay([FromBody] PayBody body, CancellationToken ct)
    {
        var request = new PaymentRequest
        {
            Source = new RequestTokenSource { Token = body.Token },
            Amount = body.Amount,
            Currency = Currency.GBP,
            Reference = body.OrderId,
            Capture = false,
        };
        PaymentResponse response = await _paymentsClient.RequestPayment(request, body.OrderId, ct); // want: POST /payments
        _logger.LogInformation("Authorized {Id} at api.checkout.com", response.Id);
        return Created($"/api/payments/{response.Id}", new { response.Id, response.Status });
    }

    [HttpGet("payments/{id}")]
    public async Task<IActionResult> Show(string id)
    {
        GetPaymentResponse payment = await _paymentsClient.GetPaymentDetails(id); // want: GET /payments/{}
        return Ok(new { payment.Id, payment.Status });
    }

    [HttpGet("payments")]
    public async Task<IActionResult> List([FromQuery] string reference)
    {
        var page = await _paymentsClient.GetPaymentsList(new PaymentsQueryFilter { Reference = reference, Limit = 10 }); // want: GET /payments
        return Ok(page.Data);
    }
}
