'use strict';

const { CKO_API, headers } = require('./config');

async function pay(body) {
    const res = await fetch(`${CKO_API}/payments`, { method: 'POST', headers: headers(), body: JSON.stringify(body) }); // want: POST /payments
    if (!res.ok) {
        throw new Error(`POST ${CKO_API}/payments failed with ${res.status}`);
    }
    return res.json();
}

async function details(paymentId) {
    const res = await fetch(`${CKO_API}/payments/${paymentId}`, { headers: headers() }); // want: GET /payments/{}
    return res.json();
}

async function capture(paymentId, amount) {
    const res = await fetch(CKO_API + '/payments/' + paymentId + '/captures', { // want: POST /payments/{}/captures
        method: 'POST',
        headers: headers(),
        body: JSON.stringify({ amount }),
    });
    return res.status === 202;
}

async function refund(paymentId, body) {
    const res = await fetch(
        `${CKO_API}/payments/${paymentId}/refunds`, // want: POST /payments/{}/refunds
        {
            method: 'POST',
            headers: { ...headers(), 'Cko-Idempotency-Key': body.reference },
            body: JSON.stringify(body),
        },
    );
    console.log('refund requested at https://api.checkout.com/payments/%s/refunds', paymentId);
    return res.json();
}

async function merchantLink(prefix, body) {
    const base = `https://${prefix}.api.checkout.com`;
    const res = await fetch(`${base}/payment-links`, { method: 'POST', headers: headers(), body: JSON.stringify(body) }); // want: POST /payment-links
    return res.json();
}

async function stripeRefund(chargeId) {
    return fetch('https://api.stripe.com/v1/refunds', { method: 'POST', body: new URLSearchParams({ charge: chargeId }) });
}

module.exports = { pay, details, capture, refund, merchantLink, stripeRefund };
