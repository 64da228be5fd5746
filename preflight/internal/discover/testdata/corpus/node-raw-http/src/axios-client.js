'use strict';

const axios = require('axios');
const { CKO_API, headers } = require('./config');

const ckoHttp = axios.create({
    baseURL: CKO_API,
    timeout: 15000,
    headers: headers(),
});

async function voidPayment(paymentId) {
    const { data } = await axios.post(`${CKO_API}/payments/${paymentId}/voids`, { reference: 'void' }, { headers: headers() }); // want: POST /payments/{}/voids
    return data;
}

async function listDisputes() {
    const { data } = await axios.get('https://api.checkout.com/disputes', { // want: GET /disputes
        headers: headers(),
        params: { limit: 100, statuses: 'evidence_required' },
    });
    return data.data;
}

async function renameCustomer(customerId, name) {
    return axios({
        method: 'patch',
        url: `${CKO_API}/customers/${customerId}`, // want: PATCH /customers/{}
        headers: headers(),
        data: { name },
    });
}

async function dropCard(instrumentId) {
    await ckoHttp.delete(`/instruments/${instrumentId}`); // want: DELETE /instruments/{}
}

async function workflows() {
    const { data } = await ckoHttp.get('/workflows'); // want: GET /workflows
    return data.data;
}

module.exports = { voidPayment, listDisputes, renameCustomer, dropCard, workflows };
