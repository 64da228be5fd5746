'use strict';

const { Checkout } = require('checkout-sdk-node');

// One client for the whole process. Static keys: no token request here.
const cko = new Checkout(process.env.CKO_SECRET_KEY, {
    pk: process.env.CKO_PUBLIC_KEY,
    subdomain: process.env.CKO_PREFIX,
    timeout: 10000,
});

module.exports = cko;
