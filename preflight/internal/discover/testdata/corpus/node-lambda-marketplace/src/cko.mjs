import Checkout from 'checkout-sdk-node';

// Previous-platform (ABC) keys look like sk_test_... / sk_... ; sent without "Bearer".
export const cko = new Checkout(process.env.CKO_SECRET_KEY, { timeout: 8000 });

export const { platforms, events } = cko;
