import { Payments } from 'checkout-sdk-node';
import { cko } from '../checkout/client';

export class RefundService {
    constructor(private readonly payments: Payments) {}

    async refundPart(paymentId: string, amount: number, reason: string) {
        return this.payments.refund(paymentId, { amount, reference: reason }); // want: POST /payments/{}/refunds
    }

    async reverseAll(paymentIds: string[]) {
        for (const id of paymentIds) {
            await this.payments.reverse(id, { reference: 'fraud' }); // want: POST /payments/{}/reversals
        }
    }
}

export async function topUp(payments: Payments, paymentId: string, amount: number) {
    return payments.increment(paymentId, { amount }); // want: POST /payments/{}/authorizations
}

export const refunds = new RefundService(cko.payments);
