'use strict';

const { Client, CheckoutAPI } = require('@adyen/api-library');

const client = new Client({ apiKey: process.env.ADYEN_API_KEY, environment: 'TEST' });
const checkout = new CheckoutAPI(client);

async function pay(amount, paymentMethod, reference) {
    return checkout.PaymentsApi.payments({
        amount: { currency: 'EUR', value: amount },
        paymentMethod,
        reference,
        merchantAccount: process.env.ADYEN_MERCHANT_ACCOUNT,
        returnUrl: 'https://shop.example.com/adyen/return',
    });
}

async function refund(pspReference, amount) {
    return checkout.ModificationsApi.refundCapturedPayment(pspReference, {
        amount: { currency: 'EUR', value: amount },
        merchantAccount: process.env.ADYEN_MERCHANT_ACCOUNT,
    });
}

async function links(amount) {
    return checkout.PaymentLinksApi.paymentLinks({ amount: { currency: 'EUR', value: amount }, merchantAccount: 'Shop' });
}

module.exports = { pay, refund, links };
