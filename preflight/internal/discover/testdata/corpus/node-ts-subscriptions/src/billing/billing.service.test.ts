import nock from 'nock';
import { Checkout } from 'checkout-sdk-node';
import { BillingService } from './billing.service';

describe('BillingService', () => {
    afterEach(() => nock.cleanAll());

    it('renews with the stored source', async () => {
        nock('https://api.sandbox.checkout.com').post('/payments').reply(201, { id: 'pay_1', approved: true });
        const cko = new Checkout('sk_sbox_xxxxxxxxxxxxxxxxxxxxxxxxxx');
        const svc = new BillingService(cko, 'pc_test');
        const payment = await svc.renew({ id: 'gold', amount: 999, currency: 'GBP' }, 'src_1', 'pay_0');
        expect(payment.id).toBe('pay_1');
    });

    it('talks to the real sandbox', async () => {
        const cko = new Checkout(process.env.CKO_SANDBOX_SECRET!, { client: process.env.CKO_SANDBOX_CLIENT!, environment: 'sandbox' }); // want(tests): POST /connect/token
        const list = await cko.payments.getPaymentList({ reference: 'smoke' }); // want(tests): GET /payments
        expect(Array.isArray(list.data)).toBe(true);
    });
});
