package com.acme.legacy;

import com.checkout.ItemsResponse;
import com.checkout.events.previous.EventsPageResponse;
import com.checkout.events.previous.RetrieveEventsRequest;
import com.checkout.previous.CheckoutApi;
import com.checkout.webhooks.previous.WebhookRequest;
import com.checkout.webhooks.previous.WebhookResponse;
import com.checkout.webhooks.previous.WebhooksClient;

import java.time.Instant;
import java.util.List;

/** Ops tool: keeps the single webhook endpoint registered and replays missed events. */
public class WebhookAdmin {

    private final CheckoutApi api = LegacyCheckout.get();

    public void ensureRegistered(String url) {
        WebhooksClient webhooks = api.webhooksClient();
        ItemsResponse<WebhookResponse> existing = webhooks.retrieveWebhooksSync(); // want: GET /webhooks
        boolean present = existing.getItems().stream().anyMatch(w -> url.equals(w.getUrl()));
        if (!present) {
            WebhookRequest request = WebhookRequest.builder()
                    .url(url)
                    .eventTypes(List.of("payment_captured", "payment_refunded"))
                    .build();
            webhooks.registerWebhook(request).join(); // want: POST /webhooks
        }
    }

    public void retarget(String webhookId, String newUrl) {
        WebhookRequest request = WebhookRequest.builder().url(newUrl).build();
        api.webhooksClient().updateWebhookSync(webhookId, request); // want: PUT /webhooks/{}
    }

    public void drop(String webhookId) {
        api.webhooksClient().removeWebhook(webhookId).join(); // want: DELETE /webhooks/{}
    }

    public void replaySince(Instant from, String webhookId) {
        RetrieveEventsRequest request = RetrieveEventsRequest.builder().from(from).limit(100).build();
        EventsPageResponse page = api.eventsClient().retrieveEventsSync(request); // want: GET /events
        page.getData().forEach(event ->
                api.eventsClient()
                        .retryWebhook(event.getId(), webhookId) // want: POST /events/{}/webhooks/{}/retry
                        .join());
    }
}
