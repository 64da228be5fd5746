package com.acme.shop.stripe;

import com.stripe.Stripe;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;

public class StripeCheckout {

    static {
        Stripe.apiKey = System.getenv("STRIPE_SECRET_KEY");
    }

    public String createSession(String priceId, String successUrl) throws StripeException {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(successUrl)
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice(priceId).setQuantity(1L).build())
                .build();
        Session session = Session.create(params);
        return session.getUrl();
    }

    public Session get(String sessionId) throws StripeException {
        return Session.retrieve(sessionId);
    }

    public void expire(String sessionId) throws StripeException {
        com.stripe.model.checkout.Session.retrieve(sessionId).expire();
    }
}
