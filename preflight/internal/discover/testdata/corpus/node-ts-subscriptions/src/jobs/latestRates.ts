import { cko } from '../checkout/client';

export async function latestRates(entityId: string) {
    const rates = await cko.forex.getRates({ // want: GET /forex/rates
        product: 'card_payouts',
        source: 'visa',
        currency_pairs: 'GBPEUR,USDNOK',
        processing_channel_id: process.env.CKO_CHANNEL_ID,
    });
    const balances = await cko.balances.retrieve(entityId, 'EUR'); // want: GET /balances/{}
    return { rates, balances };
}

export async function sweep(entityId: string, targetId: string, amount: number) {
    return cko.transfers.initiate( // want: POST /transfers
        { transfer_type: 'commission', source: { id: entityId, amount }, destination: { id: targetId } },
        `sweep-${entityId}-${new Date().toISOString().slice(0, 10)}`,
    );
}

export async function monthEnd(paymentId: string) {
    const actions = await cko.financial.query({ payment_id: paymentId, limit: 100 }); // want: GET /financial-actions
    const reports = await cko.reports.getAllReports({ created_after: '2024-01-01' }); // want: GET /reports
    return { actions, reports };
}
