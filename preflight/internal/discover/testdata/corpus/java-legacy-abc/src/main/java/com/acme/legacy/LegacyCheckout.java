package com.acme.legacy;

import com.checkout.CheckoutSdk;
import com.checkout.Environment;
import com.checkout.previous.CheckoutApi;

public final class LegacyCheckout {

    private static CheckoutApi instance;

    private LegacyCheckout() {
    }

    public static synchronized CheckoutApi get() {
        if (instance == null) {
            instance = CheckoutSdk.builder()
                    .previous()
                    .staticKeys()
                    .publicKey(System.getProperty("cko.publicKey"))
                    .secretKey(System.getProperty("cko.secretKey"))
                    .environment(Environment.PRODUCTION)
                    .build();
        }
        return instance;
    }
}
