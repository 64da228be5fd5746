'use strict';

const Stripe = require('stripe');

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { apiVersion: '2024-04-10' });

async function startCheckout(cart) {
    const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: cart.lines.map((l) => ({ price: l.priceId, quantity: l.qty })),
        success_url: 'https://shop.example.com/ok',
        cancel_url: 'https://shop.example.com/cancel',
    });
    return session.url;
}

async function checkoutStatus(id) {
    const checkout = await stripe.checkout.sessions.retrieve(id);
    await stripe.refunds.create({ payment_intent: checkout.payment_intent });
    return stripe.paymentIntents.capture(checkout.payment_intent);
}

module.exports = { startCheckout, checkoutStatus };
