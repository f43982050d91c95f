package org.ordo.webhooks.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.platform.Slice;
import org.ordo.webhooks.NewSubscription;
import org.ordo.webhooks.SubscriptionDraft;
import org.ordo.webhooks.WebhookDelivery;
import org.ordo.webhooks.WebhookManagement;
import org.ordo.webhooks.WebhookSubscription;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Outgoing webhooks: receivers subscribed to public events, signed as Standard Webhooks prescribes, and what was delivered to them")
class WebhookController {

    private final WebhookManagement webhooks;

    WebhookController(WebhookManagement webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "subscribeWebhook", summary = "Subscribe a receiver to event types", description = """
            From now on every event of the chosen types is delivered to the URL as a signed POST (docs/webhooks.md).
            The answer holds the signing secret; it is shown this once.""")
    @ApiResponse(responseCode = "201", description = "subscribed; the secret is shown this once")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]: a URL that is not https on a public address, an unknown event type")
    NewSubscription subscribe(@RequestBody(required = false) SubscriptionDraft draft) {
        return webhooks.subscribe(draft);
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "The subscriptions, oldest first")
    List<WebhookSubscription> list() {
        return webhooks.subscriptions();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhook", summary = "One subscription")
    @ApiResponse(responseCode = "200", description = "the subscription, without its secret")
    @ApiResponse(responseCode = "404", description = "no such subscription")
    WebhookSubscription get(@PathVariable UUID id) {
        return webhooks.subscription(id);
    }

    @PostMapping("/{id}/disable")
    @Operation(operationId = "disableWebhook", summary = "Disable a subscription", description = """
            No new events are queued for it; what is queued waits until it is enabled again.""")
    @ApiResponse(responseCode = "200", description = "the subscription, disabled")
    @ApiResponse(responseCode = "404", description = "no such subscription")
    @ApiResponse(responseCode = "409", description = "disabled already")
    WebhookSubscription disable(@PathVariable UUID id) {
        return webhooks.disable(id);
    }

    @PostMapping("/{id}/enable")
    @Operation(operationId = "enableWebhook", summary = "Enable a disabled subscription", description = """
            Events are queued for it again, and what waited is delivered in order.""")
    @ApiResponse(responseCode = "200", description = "the subscription, active")
    @ApiResponse(responseCode = "404", description = "no such subscription")
    @ApiResponse(responseCode = "409", description = "active already")
    WebhookSubscription enable(@PathVariable UUID id) {
        return webhooks.enable(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription with its deliveries and their log")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such subscription")
    void delete(@PathVariable UUID id) {
        webhooks.delete(id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's deliveries, newest first", description = """
            Each event queued for the receiver, with its state, the number of attempts and the last answer; one
            delivery shows every attempt.""")
    @ApiResponse(responseCode = "200", description = "the deliveries, without their log")
    @ApiResponse(responseCode = "404", description = "no such subscription")
    List<WebhookDelivery> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(200) int limit) {
        return webhooks.deliveries(id, Slice.checkLimit(limit, 200));
    }

    @GetMapping("/{id}/deliveries/{delivery}")
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery with every attempt and the receiver's answers")
    @ApiResponse(responseCode = "200", description = "the delivery with its log")
    @ApiResponse(responseCode = "404", description = "no such delivery of this subscription")
    WebhookDelivery delivery(@PathVariable UUID id, @PathVariable UUID delivery) {
        return webhooks.delivery(id, delivery);
    }

    @PostMapping("/{id}/deliveries/{delivery}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again", description = """
            Queued to go out now with the same webhook-id and body; a later event of the same order waits for it.""")
    @ApiResponse(responseCode = "200", description = "the delivery, pending")
    @ApiResponse(responseCode = "404", description = "no such delivery of this subscription")
    @ApiResponse(responseCode = "409", description = "it is being sent right now")
    WebhookDelivery redeliver(@PathVariable UUID id, @PathVariable UUID delivery) {
        return webhooks.redeliver(id, delivery);
    }
}
