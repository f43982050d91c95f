package org.ordo.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.ordo.channels.internal.ChannelSettings;
import org.ordo.channels.internal.Channels;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.TextInput;
import org.ordo.platform.WebhookSignature;
import org.ordo.platform.Wording;
import org.ordo.platform.security.SealedSecrets;
import org.ordo.platform.security.SecurityAuditLog;
import org.ordo.platform.security.SecurityEventKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shopware's app registration handshake, with Ordo as the app's backend (docs/channels.md, "Shopware: the app
 * registration"). (1) Installing the app, the shop calls the registration URL with {@code shop-id}, {@code shop-url}
 * and {@code timestamp}, the query string signed with the app secret ({@code shopware-app-signature}, hex
 * HMAC-SHA256); Ordo answers with the proof (HMAC of shop id, shop URL and app name under the app secret), a new
 * shop secret and the confirmation URL. (2) The shop confirms with its API credentials ({@code apiKey},
 * {@code secretKey}), the body signed with that shop secret ({@code shopware-shop-signature}); then the channel is
 * registered with the shop secret as its webhook secret and the credentials as its API token, or, when the same
 * shop registers again, its secrets are rotated. A forged or stale request is refused (400) and recorded.
 */
@Service
public class ShopwareAppRegistration {

    /** How old a signed registration or confirmation may be: Shopware sends both within seconds. */
    static final Duration FRESH = Duration.ofMinutes(10);
    private static final Pattern SHOP_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern SHOP_URL = Pattern.compile("https?://[\\x21-\\x7e]{1,490}");
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,20}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final JdbcClient jdbc;
    private final Channels channels;
    private final SealedSecrets secrets;
    private final ChannelSettings settings;
    private final SecurityAuditLog securityLog;
    private final Clock clock;

    ShopwareAppRegistration(JdbcClient jdbc, Channels channels, SealedSecrets secrets, ChannelSettings settings,
            SecurityAuditLog securityLog, Clock clock) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.secrets = secrets;
        this.settings = settings;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /** What Ordo answers the registration request; Shopware reads exactly these three fields. */
    public record Answer(String proof, String secret, String confirmationUrl) {

        public Map<String, String> asJson() {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("proof", proof);
            json.put("secret", secret);
            json.put("confirmation_url", confirmationUrl);
            return json;
        }
    }

    /**
     * Step 1: checks the app's signature over the raw query string (as sent: it is never decoded and encoded again)
     * and its time, then keeps a new shop secret for the channel {@code code} (sealed) and answers with the proof.
     * A registration of another shop for a channel already registered by a shop is refused (409): one app
     * installation per channel code.
     */
    @Transactional
    public Answer register(String code, String rawQuery, String signature, String shopId, String shopUrl,
            String timestamp, String swVersion, String confirmationUrl) {
        String appSecret = appSecret();
        // what is not even shaped as Shopware sends it is named before the signature is looked at
        List<FieldError> errors = new ArrayList<>();
        try {
            ChannelDraft.checkCode(code);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (shopId == null || !SHOP_ID.matcher(shopId).matches()) {
            errors.add(new FieldError("shop-id", Wording.of("channels.must_be_shopware_s_shop_id")));
        }
        if (shopUrl == null || !SHOP_URL.matcher(shopUrl).matches()) {
            errors.add(new FieldError("shop-url", Wording.of("channels.must_be_the_shop_s_http")));
        }
        if (timestamp == null || !SECONDS.matcher(timestamp).matches()) {
            errors.add(new FieldError("timestamp", Wording.of("channels.must_be_seconds_since_1970_1")));
        }
        if (swVersion != null && (swVersion.length() > 50 || TextInput.fault(swVersion, false) != null)) {
            errors.add(new FieldError("sw-version", Wording.of("channels.must_be_shopware_s_version_up")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        verify("shopware-app-signature", appSecret, rawQuery == null ? "" : rawQuery, signature);
        fresh("timestamp", timestamp);
        String other = jdbc.sql("SELECT shop_id FROM shopware_registration WHERE channel_code = :code AND confirmed_at "
                + "IS NOT NULL").param("code", code).query(String.class).optional().orElse(null);
        if (other != null && !other.equals(shopId)) {
            throw new ConflictException("channel-registered", "Channel registered by another shop",
                    Wording.of("channels.channel_is_registered_by_another_shopware", code),
                    Map.of("field", "shop-id"));
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String shopSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO shopware_registration (channel_code, shop_id, shop_url, shop_secret_sealed, requested_at)
                VALUES (:code, :shop, :url, :secret, :now)
                ON CONFLICT (channel_code) DO UPDATE SET shop_id = :shop, shop_url = :url,
                       shop_secret_sealed = :secret, requested_at = :now
                """).param("code", code).param("shop", shopId).param("url", shopUrl)
                .param("secret", secrets.seal(shopSecret)).param("now", now).update();
        String proof = HexFormat.of().formatHex(hmac(appSecret, shopId + shopUrl + settings.shopwareAppName()));
        return new Answer(proof, shopSecret, confirmationUrl);
    }

    /**
     * Step 2: the shop's confirmation, signed with the shop secret given in step 1. Registers the channel (type
     * SHOPWARE, webhook secret = the shop secret, API at {@code shopUrl}/api with {@code apiKey:secretKey}), or
     * rotates its secrets when the same shop registers again. The same confirmation again changes nothing new.
     */
    @Transactional
    public ShopChannel confirm(String code, byte[] body, String signature) {
        appSecret();
        ChannelDraft.checkCode(code);
        Pending pending = jdbc.sql("""
                SELECT shop_id, shop_url, shop_secret_sealed FROM shopware_registration WHERE channel_code = :code
                   FOR UPDATE
                """).param("code", code).query((rs, n) -> new Pending(rs.getString("shop_id"),
                        rs.getString("shop_url"), secrets.open(rs.getBytes("shop_secret_sealed")))).optional()
                .orElseThrow(() -> new WebhookSignature.Refused("shopware-shop-signature",
                        "no registration of channel " + code + " was asked for"));
        verify("shopware-shop-signature", pending.secret(), body, signature);
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", Wording.of("channels.must_be_shopware_s_json_confirmation"));
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("body", Wording.of("platform.must_be_a_json_object"));
        }
        if (!pending.shopId().equals(json.path("shopId").asString(""))) {
            throw new InvalidInputException("shopId", Wording.of("channels.is_not_the_shop_that_asked"));
        }
        fresh("timestamp", json.path("timestamp").asString(""));
        String apiKey = json.path("apiKey").asString("");
        String secretKey = json.path("secretKey").asString("");
        if (!visible(apiKey) || apiKey.contains(":")) {
            throw new InvalidInputException("apiKey", Wording.of("channels.must_be_the_integration_s_access"));
        }
        if (!visible(secretKey)) {
            throw new InvalidInputException("secretKey", Wording.of("channels.must_be_the_integration_s_secret"));
        }
        String apiUrl = pending.shopUrl().replaceAll("/+$", "") + "/api";
        String token = apiKey + ":" + secretKey;
        boolean rotated = channels.find(code).isPresent();
        if (rotated) {
            if (!channels.rotate(code, Platform.SHOPWARE, pending.secret(), apiUrl, token)) {
                throw new ConflictException("duplicate-channel", "Duplicate channel",
                        Wording.of("channels.channel_is_a_shop_of_another", code), Map.of("field", "code"));
            }
        } else {
            ChannelDraft draft = new ChannelDraft(Platform.SHOPWARE, code, pending.secret(), apiUrl, token);
            draft.check();
            channels.insert(draft, clock.instant(), "shopware:" + pending.shopId());
        }
        jdbc.sql("UPDATE shopware_registration SET confirmed_at = :now WHERE channel_code = :code")
                .param("code", code).param("now", Timestamp.from(clock.instant())).update();
        securityLog.record(SecurityEventKind.SETTING_CHANGED, "channel:" + code, "Shopware shop " + pending.shopId()
                + " (" + pending.shopUrl() + ") " + (rotated ? "registered again: its secrets rotated"
                        : "registered by the app registration handshake"));
        return channels.find(code).orElseThrow();
    }

    private record Pending(String shopId, String shopUrl, String secret) {
    }

    private String appSecret() {
        String secret = settings.shopwareAppSecret();
        if (secret == null || secret.isBlank()) {
            throw new NotFoundException("Shopware app registration (ORDO_CHANNELS_SHOPWARE_APP_SECRET is not set)",
                    "shopware");
        }
        return secret;
    }

    private void fresh(String field, String seconds) {
        Long at = org.ordo.platform.Numbers.wholeOrNull(seconds);
        if (at == null) {
            throw new InvalidInputException(field, Wording.of("channels.must_be_the_time_in_seconds"));
        }
        Instant now = clock.instant();
        Instant sent = Instant.ofEpochSecond(Math.max(0, Math.min(at, 32503680000L)));
        if (sent.isBefore(now.minus(FRESH)) || sent.isAfter(now.plus(FRESH))) {
            throw new WebhookSignature.Refused(field, "sent at " + sent + ", more than " + FRESH.toMinutes()
                    + " minutes from now: a replayed request?");
        }
    }

    private static void verify(String header, String secret, String signed, String signature) {
        verify(header, secret, signed.getBytes(StandardCharsets.UTF_8), signature);
    }

    private static void verify(String header, String secret, byte[] signed, String signature) {
        if (signature == null || signature.isBlank()) {
            throw new WebhookSignature.Refused(header, "the signature header is missing");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WebhookSignature.Refused(header, "the signature is not hex");
        }
        if (!MessageDigest.isEqual(hmac(secret, signed), given)) {
            throw new WebhookSignature.Refused(header, "the signature does not match");
        }
    }

    /** Shopware's signatures: hex HMAC-SHA256 under a secret (for tests and for a stand-in shop). */
    public static String sign(String secret, byte[] signed) {
        return HexFormat.of().formatHex(hmac(secret, signed));
    }

    private static byte[] hmac(String secret, String text) {
        return hmac(secret, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean visible(String text) {
        return !text.isEmpty() && text.length() <= 500 && text.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }
}
