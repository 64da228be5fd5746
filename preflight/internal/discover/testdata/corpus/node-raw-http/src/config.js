'use strict';

const live = process.env.NODE_ENV === 'production';

const CKO_API = live ? 'https://api.checkout.com' : 'https://api.sandbox.checkout.com';
const CKO_FILES = live ? 'https://files.checkout.com' : 'https://files.sandbox.checkout.com';

// Hosts our egress proxy lets through.
const ALLOWED_HOSTS = ['api.checkout.com', 'api.sandbox.checkout.com', 'access.checkout.com'];

const DOCS_URL = 'https://www.checkout.com/docs/payments';

function headers() {
    return {
        Authorization: `Bearer ${process.env.CKO_SECRET_KEY}`,
        'Content-Type': 'application/json',
    };
}

module.exports = { CKO_API, CKO_FILES, ALLOWED_HOSTS, DOCS_URL, headers };
