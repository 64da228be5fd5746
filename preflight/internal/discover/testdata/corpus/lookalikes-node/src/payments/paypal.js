'use strict';

const paypal = require('@paypal/checkout-server-sdk');

const env = new paypal.core.SandboxEnvironment(process.env.PAYPAL_CLIENT_ID, process.env.PAYPAL_CLIENT_SECRET);
const checkout = new paypal.core.PayPalHttpClient(env);

async function createOrder(total) {
    const request = new paypal.orders.OrdersCreateRequest();
    request.requestBody({ intent: 'CAPTURE', purchase_units: [{ amount: { currency_code: 'EUR', value: total } }] });
    const res = await checkout.execute(request);
    return res.result.id;
}

async function refundCapture(captureId) {
    const request = new paypal.payments.CapturesRefundRequest(captureId);
    request.requestBody({});
    return checkout.execute(request);
}

async function raw(captureId, token) {
    return fetch(`https://api-m.sandbox.paypal.com/v2/payments/captures/${captureId}/refund`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
    });
}

module.exports = { createOrder, refundCapture, raw };
