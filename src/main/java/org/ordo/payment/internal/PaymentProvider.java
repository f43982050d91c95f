package org.ordo.payment.internal;

import java.time.Duration;

import org.ordo.platform.OrdoProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the payment provider's API (Stripe-compatible: form-encoded POSTs, bearer secret key, Idempotency-Key
 * so that a retried call never captures or refunds twice). A 4xx answer is final and comes back as a
 * {@link Refused}; anything else (5xx, network) throws, so the event is retried later.
 */
@Component
public class PaymentProvider {

    private final OrdoProperties.Payment settings;
    private final RestClient http;

    private final JsonMapper json;

    PaymentProvider(OrdoProperties properties, JsonMapper json) {
        this.settings = properties.payment();
        this.json = json;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(5));
        factory.setReadTimeout(Duration.ofSeconds(20));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    public boolean configured() {
        return settings.providerConfigured();
    }

    /** The provider said no for good (e.g. already captured); the message says why. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    public void capture(String paymentIntent, long amountMinor, String idempotencyKey) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("amount_to_capture", Long.toString(amountMinor));
        post("/v1/payment_intents/" + paymentIntent + "/capture", form, idempotencyKey);
    }

    public void cancel(String paymentIntent, String idempotencyKey) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("cancellation_reason", "requested_by_customer");
        post("/v1/payment_intents/" + paymentIntent + "/cancel", form, idempotencyKey);
    }

    /** Asks for an authorization of {@code amountMinor} in all (the new total) instead of the one held. */
    public void incrementAuthorization(String paymentIntent, long amountMinor, String idempotencyKey) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("amount", Long.toString(amountMinor));
        post("/v1/payment_intents/" + paymentIntent + "/increment_authorization", form, idempotencyKey);
    }

    public void refund(String paymentIntent, long amountMinor, String idempotencyKey) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("payment_intent", paymentIntent);
        form.add("amount", Long.toString(amountMinor));
        post("/v1/refunds", form, idempotencyKey);
    }

    /** A payment the provider made on its own: its payment intent and that intent's status. */
    public record Charge(String paymentIntent, String status) {

        /** The money was taken (or is being taken: some methods settle later and their webhook says so). */
        public boolean taken() {
            return "succeeded".equals(status) || "processing".equals(status);
        }
    }

    /**
     * Charges a payment method the customer saved with the provider, without the customer present (Stripe's
     * {@code POST /v1/payment_intents} with {@code off_session=true} and {@code confirm=true}). The intent's
     * {@code metadata[order_id]} names the order it pays, so that its webhook books it there. A card that needs
     * the customer (3-D Secure) or is declined comes back as {@link Refused} (402) or as a charge not
     * {@link Charge#taken taken}.
     */
    public Charge chargeSaved(String customer, String paymentMethod, long amountMinor, String currency,
            String orderNumber, String description, String idempotencyKey) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("amount", Long.toString(amountMinor));
        form.add("currency", currency.toLowerCase(java.util.Locale.ROOT));
        form.add("customer", customer);
        form.add("payment_method", paymentMethod);
        form.add("off_session", "true");
        form.add("confirm", "true");
        form.add("description", description);
        form.add("metadata[order_id]", orderNumber);
        String answer = post("/v1/payment_intents", form, idempotencyKey);
        JsonNode intent = answer == null || answer.isBlank() ? null : json.readTree(answer);
        return new Charge(intent == null ? null : intent.path("id").asString(null),
                intent == null ? null : intent.path("status").asString(null));
    }

    private String post(String path, MultiValueMap<String, String> form, String idempotencyKey) {
        try {
            return http.post().uri(settings.providerUrl().replaceAll("/+$", "") + path)
                    .header("Authorization", "Bearer " + settings.providerKey())
                    .header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form).retrieve().body(String.class);
        } catch (HttpClientErrorException e) {
            throw new Refused(e.getStatusCode().value() + " from the provider: "
                    + e.getResponseBodyAsString().substring(0, Math.min(300, e.getResponseBodyAsString().length())));
        }
    }
}
