package org.ordo.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;

/** A subscription just made, with its signing secret: shown this once, never again. */
@Schema(name = "NewWebhookSubscription")
public record NewSubscription(
        WebhookSubscription subscription,
        @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", description = """
                Standard Webhooks' signing secret: whsec_ and the base64 of the key. Shown only in this answer.""")
        String secret) {
}
