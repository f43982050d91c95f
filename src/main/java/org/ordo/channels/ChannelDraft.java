package org.ordo.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;

/**
 * A shop to register. {@code secret} signs the shop's webhooks; {@code apiUrl} and {@code apiToken} let Ordo
 * report shipments back (both or neither). Secrets are stored sealed and never returned.
 */
@Schema(name = "NewShopChannel")
public record ChannelDraft(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "SHOPIFY") Platform type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "main-store", pattern = CODE_PATTERN,
                minLength = 2, maxLength = MAX_CODE, description = "names the shop in the webhook URL and in each order's external reference") String code,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, writeOnly = true, minLength = MIN_SECRET,
                maxLength = MAX_SECRET,
                description = "the webhook signing secret: Shopify's app client secret (or the store's webhook "
                        + "signing key), the WooCommerce webhook's secret, the Shopware app's shop secret") String secret,
        @Schema(example = "https://main-store.myshopify.com/admin/api/2025-07", maxLength = MAX_API_URL,
                pattern = API_URL_PATTERN, description = """
                base of the shop's REST API: Shopify https://STORE.myshopify.com/admin/api/VERSION, WooCommerce
                https://SHOP/wp-json/wc/v3, Shopware https://SHOP/api""") String apiUrl,
        @Schema(writeOnly = true, maxLength = MAX_API_TOKEN, description = """
                Shopify: the Admin API access token; WooCommerce: consumer_key:consumer_secret; Shopware: the
                integration's access key id:secret access key""") String apiToken) {

    /** The limits the check below applies, stated by the schema from the same constants (docs/api/contract.md). */
    static final String CODE_PATTERN = "^[a-z0-9][a-z0-9-]{1,39}$";
    static final int MAX_CODE = 40;
    static final int MIN_SECRET = 12;
    static final int MAX_SECRET = 500;
    static final String API_URL_PATTERN = "^https?://[^\\s/?#]+[^\\s?#]*$";
    static final int MAX_API_URL = 500;
    static final int MAX_API_TOKEN = 1000;
    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

    /** Refuses (422 naming {@code code}) a channel code that is not one. */
    static void checkCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", Wording.of("channels.must_be_2_40_lower_case"));
        }
    }

    /** Collects every faulty field, then refuses (422) naming each. */
    public void check() {
        List<FieldError> errors = new ArrayList<>();
        if (type == null) {
            errors.add(new FieldError("type", Wording.of("channels.is_required_shopify_woocommerce_or_shopware")));
        }
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", Wording.of("channels.must_be_2_40_lower_case")));
        }
        if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            errors.add(new FieldError("secret", Wording.of("channels.is_required_12_500_characters")));
        } else if (TextInput.fault(secret, false) != null || secret.strip().length() != secret.length()) {
            errors.add(new FieldError("secret", Wording.of("channels.must_be_visible_characters_without_spaces")));
        }
        boolean url = apiUrl != null && !apiUrl.isBlank();
        boolean token = apiToken != null && !apiToken.isBlank();
        if (url != token) {
            errors.add(new FieldError(url ? "apiToken" : "apiUrl",
                    Wording.of("channels.is_required_with_both_or_neither", (url ? "apiUrl" : "apiToken"))));
        }
        if (url && (apiUrl.length() > MAX_API_URL || !apiUrl.matches(API_URL_PATTERN))) {
            errors.add(new FieldError("apiUrl", Wording.of("channels.must_be_an_http_s_url")));
        }
        if (token) {
            if (apiToken.length() > MAX_API_TOKEN || TextInput.fault(apiToken, false) != null) {
                errors.add(new FieldError("apiToken", Wording.of("channels.must_be_at_most_1000_visible")));
            } else if (type != null && type != Platform.SHOPIFY && apiToken.indexOf(':') < 1) {
                errors.add(new FieldError("apiToken", type == Platform.WOOCOMMERCE
                        ? Wording.of("channels.must_be_consumer_key_and_secret")
                        : Wording.of("channels.must_be_access_key_id_and_secret")));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public String normalizedApiUrl() {
        if (apiUrl == null || apiUrl.isBlank()) {
            return null;
        }
        return apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }
}
