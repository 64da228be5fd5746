using System.Configuration;
using Checkout;
using PreviousApi = Checkout.Previous.ICheckoutApi;

namespace Legacy.Shop.Checkout
{
    public static class CheckoutHolder
    {
        private static readonly Lazy<PreviousApi> Instance = new Lazy<PreviousApi>(() =>
            CheckoutSdk.Builder()
                .Previous()
                .StaticKeys()
                .PublicKey(ConfigurationManager.AppSettings["cko:publicKey"])
                .SecretKey(ConfigurationManager.AppSettings["cko:secretKey"])
                .Environment(global::Checkout.Environment.Production)
                .Build());

        public static PreviousApi Api => Instance.Value;
    }
}
