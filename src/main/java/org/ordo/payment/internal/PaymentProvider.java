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

/**
 * Calls the payment provider's API (Stripe-compatible: form-encoded POSTs, bearer secret key, Idempotency-Key
 * so that a retried call never captures or refunds twice). A 4xx answer is final and comes back as a
 * {@link Refused}; anything else (5xx, network) throws, so the event is retried later.
 */
@Component
public class PaymentProvider {

    private final OrdoProperties.Payment settings;
    private final RestClient http;

    PaymentProvider(OrdoProperties properties) {
        this.settings = properties.payment();
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

    private void post(String path, MultiValueMap<String, String> form, String idempotencyKey) {
        try {
            http.post().uri(settings.providerUrl().replaceAll("/+$", "") + path)
                    .header("Authorization", "Bearer " + settings.providerKey())
                    .header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException e) {
            throw new Refused(e.getStatusCode().value() + " from the provider: "
                    + e.getResponseBodyAsString().substring(0, Math.min(300, e.getResponseBodyAsString().length())));
        }
    }
}
