'use strict';

const { Checkout } = require('checkout-sdk-node');

jest.mock('../src/lib/cko');
const cko = require('../src/lib/cko');
const { settle } = require('../src/services/settlement');

describe('settle', () => {
    it('captures the full amount', async () => {
        const payments = { capture: jest.fn().mockResolvedValue({ action_id: 'act_1' }) };
        await settle(payments, 'pay_1', 1000);
        expect(payments.capture).toHaveBeenCalledWith('pay_1', { amount: 1000 });
    });

    it('refund route calls the SDK', () => {
        cko.payments.refund.mockResolvedValue({ action_id: 'act_2' });
        expect(cko.payments.refund).not.toHaveBeenCalled();
    });
});

describe('sandbox smoke', () => {
    const sandbox = new Checkout(process.env.CKO_SANDBOX_SECRET_KEY, { pk: process.env.CKO_SANDBOX_PUBLIC_KEY });

    it('pays with a test card', async () => {
        const token = await sandbox.tokens.request({ // want(tests): POST /tokens
            number: '4242424242424242',
            expiry_month: 6,
            expiry_year: 2030,
            cvv: '100',
        });
        const payment = await sandbox.payments.request({ source: { type: 'token', token: token.token }, currency: 'EUR', amount: 100 }); // want(tests): POST /payments
        expect(payment.approved).toBe(true);
    });
});
