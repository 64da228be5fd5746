'use strict';

const { pay, details } = require('../src/fetch-client');

const SANDBOX = 'https://api.sandbox.checkout.com';

describe('fetch client against the sandbox', () => {
    it('creates and reads a payment', async () => {
        const created = await pay({ source: { type: 'token', token: 'tok_test' }, amount: 100, currency: 'EUR' });
        const again = await details(created.id);
        expect(again.id).toBe(created.id);
    });

    it('lists payments by reference directly', async () => {
        const res = await fetch(`${SANDBOX}/payments?reference=smoke-1`, { // want(tests): GET /payments
            headers: { Authorization: `Bearer ${process.env.CKO_SANDBOX_SECRET_KEY}` },
        });
        expect(res.status).toBe(200);
    });
});
