using Checkout;
using Checkout.Tokens;
using Xunit;

namespace Legacy.Shop.Tests
{
    public class PaymentGatewayTests
    {
        private readonly global::Checkout.Previous.ICheckoutApi _api = CheckoutSdk.Builder().Previous().StaticKeys()
            .PublicKey(System.Environment.GetEnvironmentVariable("CKO_TEST_PK"))
            .SecretKey(System.Environment.GetEnvironmentVariable("CKO_TEST_SK"))
            .Environment(global::Checkout.Environment.Sandbox)
            .Build();

        [Fact]
        public async Task TokenizesATestCard()
        {
            var token = await _api.TokensClient().Request(new CardTokenRequest { Number = "4242424242424242", ExpiryMonth = 6, ExpiryYear = 2030 }); // want(tests): POST /tokens
            Assert.StartsWith("tok_", token.Token);
        }
    }
}
