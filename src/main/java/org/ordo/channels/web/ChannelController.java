package org.ordo.channels.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.ordo.channels.ChannelDraft;
import org.ordo.channels.ChannelManagement;
import org.ordo.channels.FulfilmentReport;
import org.ordo.channels.ReceivedWebhook;
import org.ordo.channels.ShopChannel;
import org.ordo.platform.Actor;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/channels")
@Tag(name = "Shop channels", description = "Shopify, WooCommerce and Shopware 6 shops: their order webhooks in, shipments reported back")
class ChannelController {

    private final ChannelManagement channels;

    ChannelController(ChannelManagement channels) {
        this.channels = channels;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "registerShopChannel", summary = "Register a shop", description = """
            The secret checks the shop's webhook signatures; API URL and token let Ordo report shipments back. Both
            are stored sealed and never returned. The answer names the webhook path to give the shop.""")
    @ApiResponse(responseCode = "409", description = "the code is taken")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    ShopChannel register(@RequestBody(required = false) ChannelDraft draft) {
        return channels.register(draft);
    }

    @GetMapping
    @Operation(operationId = "listShopChannels", summary = "The registered shops, by code")
    List<ShopChannel> list() {
        return channels.channels();
    }

    @GetMapping("/{code}")
    @Operation(operationId = "getShopChannel", summary = "One shop")
    ShopChannel channel(@PathVariable String code) {
        return channels.channel(code);
    }

    @PostMapping("/{code}/disable")
    @Operation(operationId = "disableShopChannel", summary = "Disable a shop", description = """
            Its webhooks are refused from now on (404) and its shipments are no longer reported.""")
    ShopChannel disable(@PathVariable String code) {
        return channels.disable(code);
    }

    @GetMapping("/{code}/fulfilments")
    @Operation(operationId = "listShopFulfilments", summary = "The shop's shipment reports, newest first", description = """
            Each shipment of the shop's orders is reported to the shop's API, retried with back-off; FAILED ones
            show the last error and must be reported in the shop by hand.""")
    List<FulfilmentReport> fulfilments(@PathVariable String code, @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(200) int limit) {
        return channels.fulfilments(code, Slice.checkLimit(limit, 200));
    }

    @PostMapping(path = "/{code}/webhooks", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "receiveShopWebhook", summary = "A shop's order webhook", description = """
            Needs no API key: the platform's signature over the raw body proves the sender (Shopify
            X-Shopify-Hmac-Sha256 and WooCommerce X-WC-Webhook-Signature: base64 HMAC-SHA256; Shopware
            shopware-shop-signature: hex HMAC-SHA256). Forged signatures, and signed orders created outside the
            replay window, get 400 and change nothing. Shopify orders/create, WooCommerce order.created and Shopware
            checkout.order.placed become orders (PLACED) or wait in the review queue with the reason (REVIEW: unknown
            SKUs, no address, short stock, ...); other topics are IGNORED. The same delivery id again gets the
            first answer (Idempotent-Replayed: true); the same shop order under a new delivery id makes nothing
            (DUPLICATE).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
                    description = "the platform's order webhook body, as it sends it")))
    @Parameter(name = "X-Shopify-Hmac-Sha256", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER, schema = @Schema(type = "string"), description = "Shopify's signature")
    @Parameter(name = "X-Shopify-Webhook-Id", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER, schema = @Schema(type = "string"), description = "Shopify's delivery id")
    @Parameter(name = "X-Shopify-Topic", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER, schema = @Schema(type = "string"))
    @Parameter(name = "X-WC-Webhook-Signature", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER, schema = @Schema(type = "string"), description = "WooCommerce's signature")
    @Parameter(name = "X-WC-Webhook-Delivery-ID", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER, schema = @Schema(type = "string"), description = "WooCommerce's delivery id")
    @Parameter(name = "X-WC-Webhook-Topic", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER, schema = @Schema(type = "string"))
    @Parameter(name = "shopware-shop-signature", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER, schema = @Schema(type = "string"), description = "Shopware's signature")
    @ApiResponse(responseCode = "200", description = "taken: placed, in review, a duplicate, or ignored",
            content = @Content(schema = @Schema(implementation = ReceivedWebhook.class)))
    @ApiResponse(responseCode = "400", description = "the signature is missing or wrong, the webhook is replayed, or the body is not the platform's")
    @ApiResponse(responseCode = "404", description = "no active shop has this code")
    @ApiResponse(responseCode = "409", description = "this delivery id came before with other content")
    @ApiResponse(responseCode = "422", description = "a signed body without what an order needs to be told apart (its id, its time)")
    ResponseEntity<String> webhook(@PathVariable String code, HttpServletRequest request,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("channels.is_required_the_webhook_as_the"));
        }
        ChannelManagement.Answer answer = Actor.as("webhook:" + code,
                () -> channels.receive(code, request::getHeader, request.getContentType(), body));
        return answer.answer();
    }
}
