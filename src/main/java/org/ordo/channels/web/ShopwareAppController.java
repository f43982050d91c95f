package org.ordo.channels.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.ordo.channels.ShopChannel;
import org.ordo.channels.ShopwareAppRegistration;
import org.ordo.platform.Actor;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shopware's app registration handshake: Ordo as the backend of a Shopware app (docs/channels.md). */
@RestController
@Tag(name = "Shop channels", description = "Shopify, WooCommerce and Shopware 6 shops: their order webhooks in, shipments reported back")
class ShopwareAppController {

    /** The answer Shopware reads at registration. */
    @Schema(name = "ShopwareRegistrationAnswer")
    record RegistrationAnswer(@Schema(description = "hex HMAC-SHA256 of shop id, shop URL and app name under the app secret") String proof,
            @Schema(description = "the new shop secret: Shopware signs the confirmation and every webhook with it") String secret,
            @Schema(description = "where Shopware sends the shop's API credentials") String confirmation_url) {
    }

    private final ShopwareAppRegistration registration;
    private final String publicUrl;

    ShopwareAppController(ShopwareAppRegistration registration,
            @Value("${ordo.notification.public-url:}") String publicUrl) {
        this.registration = registration;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @GetMapping(path = "/api/v1/channels/{code}/shopware/registration", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "registerShopwareApp", summary = "Shopware's app registration request", description = """
            The app manifest's registrationUrl. Needs no API key: Shopware signs the query string with the app
            secret (shopware-app-signature, hex HMAC-SHA256; ORDO_CHANNELS_SHOPWARE_APP_SECRET). The answer holds
            the proof, a new shop secret for the channel {code} and the confirmation URL. A wrong signature or a
            request older than 10 minutes gets 400 and changes nothing; 404 when no app secret is set; 409 when
            another shop registered this channel code.""")
    @Parameter(name = "shopware-app-signature", in = ParameterIn.HEADER, required = true,
            schema = @Schema(type = "string"), description = "hex HMAC-SHA256 of the raw query string under the app secret")
    @ApiResponse(responseCode = "200", description = "the proof, the shop secret and the confirmation URL",
            content = @Content(schema = @Schema(implementation = RegistrationAnswer.class)))
    @ApiResponse(responseCode = "400", description = "the signature is missing or wrong, or the request is stale")
    @ApiResponse(responseCode = "404", description = "no Shopware app secret is set")
    @ApiResponse(responseCode = "409", description = "another Shopware shop registered this channel code")
    @ApiResponse(responseCode = "422", description = "a parameter is not what Shopware sends; errors[] names it")
    RegistrationAnswer register(@PathVariable String code,
            @Parameter(description = "Shopware's shop id", schema = @Schema(type = "string", maxLength = 64))
            @RequestParam(name = "shop-id", required = false) String shopId,
            @Parameter(description = "the shop's URL", schema = @Schema(type = "string", maxLength = 500))
            @RequestParam(name = "shop-url", required = false) String shopUrl,
            @Parameter(description = "seconds since 1970", schema = @Schema(type = "string", maxLength = 20))
            @RequestParam(required = false) String timestamp,
            @Parameter(description = "the shop's Shopware version", schema = @Schema(type = "string", maxLength = 50))
            @RequestParam(name = "sw-version", required = false) String swVersion,
            HttpServletRequest request) {
        String confirmation = publicUrl + "/api/v1/channels/" + code + "/shopware/confirmation";
        ShopwareAppRegistration.Answer answer = Actor.as("shopware:registration",
                () -> registration.register(code, request.getQueryString(),
                        request.getHeader("shopware-app-signature"), shopId, shopUrl, timestamp, swVersion, confirmation));
        return new RegistrationAnswer(answer.proof(), answer.secret(), answer.confirmationUrl());
    }

    @PostMapping(path = "/api/v1/channels/{code}/shopware/confirmation", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "confirmShopwareApp", summary = "Shopware's registration confirmation", description = """
            Shopware sends the shop's API credentials (apiKey, secretKey) with shopId, shopUrl and timestamp, the
            body signed with the shop secret Ordo gave at registration (shopware-shop-signature). The channel {code}
            is registered as a SHOPWARE shop (its webhooks signed with that shop secret, shipments reported with
            those credentials), or its secrets are rotated when the same shop registers again.""")
    @Parameter(name = "shopware-shop-signature", in = ParameterIn.HEADER, required = true,
            schema = @Schema(type = "string"), description = "hex HMAC-SHA256 of the body under the shop secret")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(type = "object",
                    description = "{apiKey, secretKey, timestamp, shopUrl, shopId} as Shopware sends it")))
    @ApiResponse(responseCode = "200", description = "registered (or its secrets rotated)",
            content = @Content(schema = @Schema(implementation = ShopChannel.class)))
    @ApiResponse(responseCode = "400", description = "the signature is missing or wrong, no registration was asked for, or the confirmation is stale")
    @ApiResponse(responseCode = "404", description = "no Shopware app secret is set")
    @ApiResponse(responseCode = "409", description = "the code names a shop of another platform")
    @ApiResponse(responseCode = "422", description = "a field is not what Shopware sends; errors[] names it")
    ShopChannel confirm(@PathVariable String code,
            @RequestHeader(name = "shopware-shop-signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("channels.is_required_the_confirmation_as_shopware"));
        }
        return Actor.as("shopware:registration", () -> registration.confirm(code, body, signature));
    }
}
