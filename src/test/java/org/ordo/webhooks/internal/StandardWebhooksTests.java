package org.ordo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Ordo's signatures match the Standard Webhooks specification's own example. */
class StandardWebhooksTests {

    @Test
    void signsTheSpecificationsExampleAsItSays() {
        // the example of the specification's reference libraries: secret, id, timestamp, body and signature
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        assertThat(StandardWebhooks.signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aNewSecretIsWhsecAndThirtyTwoRandomBytes() {
        String secret = StandardWebhooks.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(StandardWebhooks.newSecret()).isNotEqualTo(secret);
    }
}
