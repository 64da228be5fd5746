'use strict';

const cko = require('../lib/cko');

// The payments client arrives as a parameter (see settleAll below).
async function settle(payments, paymentId, amount) {
    return payments.capture(paymentId, { amount }); // want: POST /payments/{}/captures
}

async function settleAll(orders) {
    for (const order of orders) {
        await settle(cko.payments, order.paymentId, order.total);
    }
}

async function hooks() {
    const webhooks = cko.webhooks;
    const existing = await webhooks.retrieveWebhooks(); // want: GET /webhooks
    if (existing.length === 0) {
        await webhooks.registerWebhook({ // want: POST /webhooks
            url: 'https://shop.example.com/hooks/checkout',
            event_types: ['payment_captured', 'payment_refunded'],
        });
    }
    const flows = await cko.workflows.getAll(); // want: GET /workflows
    return flows.data.map((w) => cko.workflows.get(w.id)); // want: GET /workflows/{}
}

module.exports = { settle, settleAll, hooks };
