'use strict';

// The shop's basket-to-order step. Not the Checkout.com SDK.
class Checkout {
    constructor(secret, options) {
        this.secret = secret;
        this.client = options.client;
        this.payments = require('./payments');
    }
}

module.exports = { Checkout };
