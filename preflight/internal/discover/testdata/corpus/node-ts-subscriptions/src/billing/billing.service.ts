import { Checkout } from 'checkout-sdk-node';

export interface Plan {
    id: string;
    amount: number;
    currency: string;
}

export class BillingService {
    constructor(private readonly cko: Checkout, private readonly channelId: string) {}

    async firstCharge(plan: Plan, customerId: string, successUrl: string): Promise<string> {
        const link = await this.cko.paymentLinks.create({ // want: POST /payment-links
            amount: plan.amount,
            currency: plan.currency,
            customer: { id: customerId },
            payment_type: 'Recurring',
            processing_channel_id: this.channelId,
            return_url: successUrl,
        });
        return link._links.redirect.href;
    }

    async hostedCheckout(plan: Plan): Promise<string> {
        const page = await this.cko.hostedPayments.create({ // want: POST /hosted-payments
            amount: plan.amount,
            currency: plan.currency,
            billing: { address: { country: 'GB' } },
            success_url: 'https://subs.example.com/ok',
            failure_url: 'https://subs.example.com/ko',
            cancel_url: 'https://subs.example.com/cancel',
        });
        return page.id;
    }

    async linkStatus(linkId: string, pageId: string) {
        const [link, page] = await Promise.all([
            this.cko.paymentLinks.get(linkId), // want: GET /payment-links/{}
            this.cko.hostedPayments.get(pageId), // want: GET /hosted-payments/{}
        ]);
        return { link: link.status, page: page.status };
    }

    async renew(plan: Plan, sourceId: string, previousPaymentId: string) {
        return this.cko.payments.request({ // want: POST /payments
            source: { type: 'id', id: sourceId },
            amount: plan.amount,
            currency: plan.currency,
            payment_type: 'Recurring',
            merchant_initiated: true,
            previous_payment_id: previousPaymentId,
        });
    }

    async cancelPending(paymentId: string): Promise<void> {
        await this.cko?.payments?.void(paymentId, { reference: 'plan-cancelled' }); // want: POST /payments/{}/voids
        await this.cko.payments.cancelScheduledRetry(paymentId); // want: POST /payments/{}/cancellations
    }

    history(reference: string) {
        return this.cko.payments
            .getPaymentList({ reference, limit: 20 }) // want: GET /payments
            .then((list) => list.data.map((p: { id: string }) => p.id));
    }
}
