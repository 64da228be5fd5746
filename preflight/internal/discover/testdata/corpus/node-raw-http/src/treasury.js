'use strict';

const https = require('https');
const fs = require('fs');
const FormData = require('form-data');
const axios = require('axios');
const { CKO_FILES, headers } = require('./config');

function balances(entityId) {
    return new Promise((resolve, reject) => {
        const req = https.request(
            {
                hostname: 'balances.checkout.com',
                path: `/balances/${entityId}?query=currency:EUR`, // want: GET /balances/{}
                method: 'GET',
                headers: headers(),
            },
            (res) => {
                let raw = '';
                res.on('data', (c) => { raw += c; });
                res.on('end', () => resolve(JSON.parse(raw)));
            },
        );
        req.on('error', reject);
        req.end();
    });
}

function transfer(transferId, cb) {
    https.get(`https://transfers.checkout.com/transfers/${transferId}`, { headers: headers() }, cb); // want: GET /transfers/{}
}

async function startTransfer(body) {
    const res = await fetch('https://transfers.sandbox.checkout.com/transfers', { // want: POST /transfers
        method: 'POST',
        headers: { ...headers(), 'Cko-Idempotency-Key': body.reference },
        body: JSON.stringify(body),
    });
    return res.json();
}

async function uploadEvidence(path) {
    const form = new FormData();
    form.append('file', fs.createReadStream(path));
    form.append('purpose', 'dispute_evidence');
    const { data } = await axios.post(`${CKO_FILES}/files`, form, { headers: { ...form.getHeaders(), Authorization: headers().Authorization } }); // want: POST /files
    return data.id;
}

module.exports = { balances, transfer, startTransfer, uploadEvidence };
