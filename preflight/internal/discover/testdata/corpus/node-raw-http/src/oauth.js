'use strict';

const got = require('got');

async function accessToken(clientId, clientSecret) {
    const body = await got
        .post('https://access.checkout.com/connect/token', { // want: POST /connect/token
            form: { grant_type: 'client_credentials', scope: 'gateway' },
            username: clientId,
            password: clientSecret,
        })
        .json();
    return body.access_token;
}

async function prefixedToken(prefix, clientId, clientSecret) {
    const url = `https://${prefix}.access.sandbox.checkout.com/connect/token`; // want: POST /connect/token
    const body = await got.post(url, {
        form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
    }).json();
    return body.access_token;
}

module.exports = { accessToken, prefixedToken };
