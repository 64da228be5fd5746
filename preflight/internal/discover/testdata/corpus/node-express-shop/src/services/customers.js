'use strict';

const { customers, instruments } = require('../lib/cko');

/**
 * Saves a shopper and their card in the vault.
 * @example
 *   await saveShopper({ email: 'a@b.c', name: 'A' }, 'tok_...');
 *   // which ends up in cko.customers.create(...) and cko.instruments.create(...)
 */
async function saveShopper(shopper, token) {
    const customer = await customers.create({ email: shopper.email, name: shopper.name }); // want: POST /customers
    const instrument = await instruments.create({ // want: POST /instruments
        type: 'token',
        token,
        customer: { id: customer.id, default: true },
    });
    return { customer, instrument };
}

async function loadShopper(customerId) {
    const customer = await customers.get(customerId); // want: GET /customers/{}
    const cards = await Promise.all(customer.instruments.map((i) => instruments.get(i.id))); // want: GET /instruments/{}
    return { customer, cards };
}

async function renameShopper(customerId, name) {
    return customers.update(customerId, { name }); // want: PATCH /customers/{}
}

async function forgetShopper(customerId, instrumentIds) {
    for (const id of instrumentIds) {
        await instruments.delete(id); // want: DELETE /instruments/{}
    }
    await customers.delete(customerId); // want: DELETE /customers/{}
}

module.exports = { saveShopper, loadShopper, renameShopper, forgetShopper };
