'use strict';

const fs = require('fs');
const cko = require('../lib/cko');

const { disputes } = cko;
const files = cko.files;

async function openDisputes() {
    // disputes.get lists disputes (GET /disputes); getDetails reads one.
    const page = await disputes.get({ limit: 50, statuses: 'evidence_required' }); // want: GET /disputes
    return Promise.all(page.data.map((d) => disputes.getDetails(d.id))); // want: GET /disputes/{}
}

async function concede(disputeId) {
    return disputes.accept(disputeId); // want: POST /disputes/{}/accept
}

async function fight(disputeId, receiptPath) {
    const file = await files.upload({ // want: POST /files
        path: fs.createReadStream(receiptPath),
        purpose: 'dispute_evidence',
    });
    await disputes.provideEvidence(disputeId, { // want: PUT /disputes/{}/evidence
        proof_of_delivery_or_service_file: file.id,
        proof_of_delivery_or_service_text: 'Signed for by the customer',
    });
    const current = await disputes.getEvidence(disputeId); // want: GET /disputes/{}/evidence
    if (current.proof_of_delivery_or_service_file) {
        await disputes.submit(disputeId); // want: POST /disputes/{}/evidence
    }
}

module.exports = { openDisputes, concede, fight };
