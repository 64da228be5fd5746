package com.acme.rawpay;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;

/** Production traffic goes through the merchant-specific subdomain. */
public class OkHttpCheckout {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final String TRANSFERS = "https://transfers.checkout.com";

    private final OkHttpClient client = new OkHttpClient();
    private final String prefix;
    private final String secretKey;

    public OkHttpCheckout(String prefix, String secretKey) {
        this.prefix = prefix;
        this.secretKey = secretKey;
    }

    public String capture(String paymentId, String json) throws IOException {
        Request request = new Request.Builder()
                .url("https://" + prefix + ".api.checkout.com/payments/" + paymentId + "/captures") // want: POST /payments/{}/captures
                .header("Authorization", "Bearer " + secretKey)
                .post(RequestBody.create(json, JSON))
                .build();
        try (Response response = client.newCall(request).execute()) {
            return response.body().string();
        }
    }

    public String tokenize(String publicKey, String cardJson) throws IOException {
        Request request = new Request.Builder()
                .url(String.format("https://%s.api.checkout.com/tokens", prefix)) // want: POST /tokens
                .header("Authorization", "Bearer " + publicKey)
                .post(RequestBody.create(cardJson, JSON))
                .build();
        try (Response response = client.newCall(request).execute()) {
            return response.body().string();
        }
    }

    public String transfer(String json, String token) throws IOException {
        Request request = new Request.Builder()
                .url(TRANSFERS + "/transfers") // want: POST /transfers
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(json, JSON))
                .build();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("transfer rejected by transfers.checkout.com: " + response.code());
            }
            return response.body().string();
        }
    }

    public void deleteCustomer(String customerId) throws IOException {
        Request request = new Request.Builder()
                .url("https://" + prefix + ".api.checkout.com/customers/" + customerId) // want: DELETE /customers/{}
                .header("Authorization", "Bearer " + secretKey)
                .delete()
                .build();
        client.newCall(request).execute().close();
    }
}
