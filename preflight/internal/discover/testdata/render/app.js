const { Checkout } = require('checkout-sdk-node');
const cko = new Checkout(process.env.CKO_SECRET, { client: process.env.CKO_CLIENT, scope: ['gateway'] });

async function refund(id) {
  await cko.payments.refund(id, { amount: 100 });
  await cko.webhooks.retrieveWebhooks();
  await cko.agenticCommerce.createDelegatedPaymentToken({});
}
