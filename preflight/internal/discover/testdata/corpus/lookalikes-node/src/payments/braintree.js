'use strict';

const braintree = require('braintree');

// "cko" here is our checkout gateway, which happens to be Braintree.
const cko = new braintree.BraintreeGateway({
    environment: braintree.Environment.Sandbox,
    merchantId: process.env.BT_MERCHANT_ID,
    publicKey: process.env.BT_PUBLIC_KEY,
    privateKey: process.env.BT_PRIVATE_KEY,
});

async function charge(nonce, amount) {
    return cko.transaction.sale({ amount, paymentMethodNonce: nonce, options: { submitForSettlement: true } });
}

async function refund(transactionId) {
    return cko.transaction.refund(transactionId);
}

async function customer(id) {
    return cko.customer.find(id);
}

module.exports = { charge, refund, customer };
