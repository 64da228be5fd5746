using Checkout;
using Checkout.Disputes;
using NUnit.Framework;

namespace Disputes.Worker.Tests;

public class SandboxSmoke
{
    private ICheckoutApi _api = null!;

    [SetUp]
    public void Build()
    {
        _api = CheckoutSdk.Builder().StaticKeys()
            .SecretKey(System.Environment.GetEnvironmentVariable("CKO_SANDBOX_SK"))
            .Environment(Checkout.Environment.Sandbox)
            .Build();
    }

    [Test]
    public async Task ListsDisputes()
    {
        var page = await _api.DisputesClient().Query(new DisputesQueryFilter { Limit = 1 }); // want(tests): GET /disputes
        Assert.That(page, Is.Not.Null);
    }

    [Test]
    public async Task ListsWorkflows()
    {
        var workflows = await _api.WorkflowsClient().GetWorkflows(); // want(tests): GET /workflows
        Assert.That(workflows.Data, Is.Not.Null);
    }
}
