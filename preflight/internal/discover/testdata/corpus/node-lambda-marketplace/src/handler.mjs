import fs from 'node:fs';
import { cko, platforms, events } from './cko.mjs';

export async function onboard(event) {
    const seller = JSON.parse(event.body);
    const entity = await platforms.onboardSubEntity({ // want: POST /accounts/entities
        reference: seller.id,
        contact_details: { phone: { number: seller.phone } },
        profile: { urls: [seller.website], mccs: ['5311'] },
        company: { legal_name: seller.legalName, trading_name: seller.name },
    });
    const file = await platforms.uploadFile('identity_verification', fs.createReadStream('/tmp/' + seller.idDocument)); // want: POST /files
    await cko.platforms.subentity.updateSubEntityDetails(entity.id, { documents: { identity_verification: { front: file.id } } }); // want: PUT /accounts/entities/{}
    return { statusCode: 201, body: JSON.stringify({ id: entity.id }) };
}

export async function sellerStatus(event) {
    const id = event.pathParameters.id;
    const [entity, members, schedule] = await Promise.all([
        platforms.getSubEntityDetails(id), // want: GET /accounts/entities/{}
        cko.platforms.getSubEntityMembers(id), // want: GET /accounts/entities/{}/members
        cko.platforms.payoutSchedules.retrieveSubEntityPayoutSchedule(id), // want: GET /accounts/entities/{}/payout-schedules
    ]);
    return { statusCode: 200, body: JSON.stringify({ entity, members, schedule }) };
}

export async function weeklyPayouts(event) {
    const { entityId } = event;
    await platforms.updateSubEntityPayoutSchedule(entityId, 'EUR', { // want: PUT /accounts/entities/{}/payout-schedules
        enabled: true,
        threshold: 1000,
        recurrence: { frequency: 'Weekly', by_day: ['MO'] },
    });
    await cko.platforms.reserveRules.addReserveRule(entityId, { type: 'rolling', valid_from: new Date().toISOString() }); // want: POST /accounts/entities/{}/reserve-rules
    const instruments = await cko.platforms.queryPaymentInstruments(entityId, 'verified'); // want: GET /accounts/entities/{}/payment-instruments
    return instruments.data.length;
}

export async function payout(event) {
    return cko.payments.request({ // want: POST /payments
        destination: { type: 'id', id: event.instrumentId },
        amount: event.amount,
        currency: 'EUR',
        reference: event.reference,
    });
}

export async function sepaSource(event) {
    return cko.sources.add({ type: 'sepa', billing_address: event.address, source_data: event.mandate }); // want: POST /sources
}

export async function replay(event) {
    const types = await events.retrieveEventTypes(); // want: GET /event-types
    const page = await events.retrieveEvents({ from: event.from, to: event.to }); // want: GET /events
    for (const e of page.data) {
        const full = await events.retrieveEvent(e.id); // want: GET /events/{}
        if (full.type === 'payment_captured') {
            await cko.events.retryAll(e.id); // want: POST /events/{}/webhooks/retry
        }
    }
    return types.length;
}

export async function reconcile(event) {
    const report = await cko.reconciliation.getPayments({ from: event.from, to: event.to, limit: 500 }); // want: GET /reporting/payments
    const statements = await cko.reconciliation.getStatements({ from: event.from }); // want: GET /reporting/statements
    const hooks = await cko.webhooks.retrieveWebhooks(); // want: GET /webhooks
    await cko.webhooks.updateWebhook(hooks[0].id, { url: process.env.HOOK_URL, active: true }); // want: PUT /webhooks/{}
    return { report, statements };
}
