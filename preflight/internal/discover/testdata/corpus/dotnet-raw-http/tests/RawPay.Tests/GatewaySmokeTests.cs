using System.Net;
using Xunit;

namespace RawPay.Tests;

public class GatewaySmokeTests
{
    [Fact]
    public async Task SandboxRejectsMissingKey()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync("https://api.sandbox.checkout.com/payments/pay_doesnotexist"); // want(tests): GET /payments/{}
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
