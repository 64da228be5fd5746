import { Checkout } from 'checkout-sdk-node';

export interface CheckoutSettings {
    clientId: string;
    clientSecret: string;
    prefix: string;
    live: boolean;
}

export function createCheckout(settings: CheckoutSettings): Checkout {
    return new Checkout(settings.clientSecret, { // want: POST /connect/token
        client: settings.clientId,
        scope: ['gateway', 'vault', 'payment-sessions', 'issuing'],
        environment: settings.live ? 'production' : 'sandbox',
        subdomain: settings.prefix,
    });
}

export const cko = createCheckout({
    clientId: process.env.CKO_CLIENT_ID ?? '',
    clientSecret: process.env.CKO_CLIENT_SECRET ?? '',
    prefix: process.env.CKO_PREFIX ?? '',
    live: process.env.NODE_ENV === 'production',
});

export default cko;
