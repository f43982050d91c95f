import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Forged-but-signed amounts: payment provider events for an existing order, signed with the webhook secret as they
 * are sent, whose amount or currency cannot fit (1e30 or 1.5 minor units, negative, beyond any total or refund, an
 * unknown currency), some with odd saved-card references. Each must be answered as rejected (200,
 * "status":"rejected"), booking nothing; one that is not counts as {@link Hostile#TAKEN}.
 */
final class SignedAmounts extends Family {

    /** Amounts and currencies no order can take; each signed event gets one of them. */
    static final String[][] UNFIT = {{"1e30", "eur"}, {"1.5", "eur"}, {"-1190", "eur"},
            {"99999999999999999999", "eur"}, {"100000000000", "eur"}, {"1190", "xts"}, {"1190.0", "eur"},
            {"\"1190\"", "eur"}, {"null", "eur"}};
    static final String[][] AMOUNT_EVENTS = {{"payment_intent.succeeded", "amount_received"},
            {"charge.refunded", "amount_refunded"}, {"payment_intent.amount_capturable_updated", "amount_capturable"},
            {"payment_intent.payment_failed", "amount"}};

    final String webhookSecret;
    final String orderId;

    SignedAmounts(Generators g, String webhookSecret, String orderId) {
        super("signed amounts", g);
        this.webhookSecret = webhookSecret;
        this.orderId = orderId;
    }

    @Override
    List<String> aims() {
        return List.of("POST /api/v1/payments/webhooks/stripe");
    }

    @Override
    int weight() {
        return 3;
    }

    @Override
    Request next() {
        String[] event = AMOUNT_EVENTS[g.random.nextInt(AMOUNT_EVENTS.length)];
        String[] unfit = UNFIT[g.random.nextInt(UNFIT.length)];
        // with a saved card's references that must not be kept either: odd shapes and values for customer/method
        String card = pick("", ",\"customer\":\"cus_hostile\",\"payment_method\":\"pm_hostile\"",
                ",\"customer\":{\"$ne\":1},\"payment_method\":[\"pm_a\",\"pm_b\"]",
                ",\"customer\":\"cus_' OR '1'='1\",\"payment_method\":\"" + "p".repeat(10_000) + "\"");
        String body = ("{\"id\":\"evt_hostile_%s\",\"type\":\"%s\",\"data\":{\"object\":{\"id\":\"ch_hostile\","
                + "\"payment_intent\":\"pi_hostile\",\"%s\":%s,\"currency\":\"%s\"%s,\"metadata\":{\"order_id\":\"%s\"}}}}")
                .formatted(UUID.randomUUID(), event[0], event[1], unfit[0], unfit[1], card, orderId);
        return new Request(this, "SIGNED_AMOUNT", "POST", "/api/v1/payments/webhooks/stripe", headers(null, "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8), false);
    }


    /** Signed as it is sent, so that a long run stays within the provider's tolerance. */
    @Override
    void prepare(Request request, HttpRequest.Builder builder) throws Exception {
        builder.header("Stripe-Signature", sign(request.body()));
    }

    @Override
    int judge(Request request, int status, String body) {
        return status < 300 && !body.contains("\"status\":\"rejected\"") ? Hostile.TAKEN : status;
    }

    /** The Stripe-style signature of a body now: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">. */
    String sign(byte[] body) throws Exception {
        long t = System.currentTimeMillis() / 1000;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return "t=" + t + ",v1=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }
}
