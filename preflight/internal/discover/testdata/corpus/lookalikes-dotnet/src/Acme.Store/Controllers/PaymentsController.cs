using Acme.Store.Payments;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Store.Controllers;

[ApiController]
[Route("api")]
public class PaymentsController : ControllerBase
{
    private readonly IPaymentsClient _paymentsClient;

    public PaymentsController(IPaymentsClient paymentsClient) => _paymentsClient = paymentsClient;

    [HttpPost("payments")]
    public IActionResult Create([FromBody] object body) => Accepted();

    [HttpPost("payments/{id}/refunds")]
    public async Task<IActionResult> Refund(string id, [FromQuery] long amount)
    {
        var result = await _paymentsClient.RefundPayment(id, amount);
        return Ok(result);
    }

    [HttpGet("payments/{id}")]
    public async Task<IActionResult> Show(string id) => Ok(await _paymentsClient.GetPaymentDetails(id));

    [HttpPost("payments/{id}/captures")]
    public async Task<IActionResult> Capture(string id)
    {
        await _paymentsClient.CapturePayment(id);
        return NoContent();
    }
}
