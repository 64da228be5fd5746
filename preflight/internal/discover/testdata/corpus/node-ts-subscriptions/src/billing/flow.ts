import cko from '../checkout/client';

const { paymentSessions, paymentContexts, sessions } = cko;

export async function startFlow(amount: number, currency: string) {
    const session = await paymentSessions.request({ // want: POST /payment-sessions
        amount,
        currency,
        reference: `sub-${Date.now()}`,
        success_url: 'https://subs.example.com/ok',
        failure_url: 'https://subs.example.com/ko',
    });
    return session.payment_session_token;
}

export async function paypalContext(amount: number) {
    const ctx = await paymentContexts.request({ source: { type: 'paypal' }, amount, currency: 'EUR' }); // want: POST /payment-contexts
    return paymentContexts.get(ctx.id); // want: GET /payment-contexts/{}
}

export async function authenticate(cardToken: string, amount: number) {
    const auth = await sessions.request({ // want: POST /sessions
        source: { type: 'token', token: cardToken },
        amount,
        currency: 'GBP',
        authentication_type: 'regular',
    });
    return sessions.get(auth.id).then((s) => s.status); // want: GET /sessions/{}
}

export async function setup(customerId: string) {
    const s = await cko.paymentSetups.createAPaymentSetup({ customer: { id: customerId }, currency: 'EUR' }); // want: POST /payments/setups
    return cko.paymentSetups.getAPaymentSetup(s.id); // want: GET /payments/setups/{}
}
