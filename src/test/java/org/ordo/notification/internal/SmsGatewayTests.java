package org.ordo.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The request body of the SMS gateway: values escaped for JSON or form encoding, never able to break out. */
class SmsGatewayTests {

    private static SmsProperties settings(String template, String contentType) {
        return new SmsProperties("http://127.0.0.1:1/sms", null, null, null, "Shop \"A\"", template, contentType,
                Duration.ofSeconds(1));
    }

    @Test
    void theDefaultJsonBodyEscapesEveryValue() {
        SmsGateway gateway = new SmsGateway(settings(null, null));
        assertThat(gateway.body("+49 170", "Line 1\nSay \"hi\" \\ 주문"))
                .isEqualTo("{\"to\":\"+49 170\",\"text\":\"Line 1\\nSay \\\"hi\\\" \\\\ 주문\",\"from\":\"Shop \\\"A\\\"\"}");
    }

    @Test
    void aFormBodyUrlEncodesEveryValue() {
        SmsGateway gateway = new SmsGateway(settings(null, SmsProperties.FORM));
        assertThat(gateway.body("+49170", "a&b=c ü")).isEqualTo("to=%2B49170&text=a%26b%3Dc+%C3%BC&from=Shop+%22A%22");
    }

    @Test
    void aCustomTemplateKeepsWhatItDoesNotKnow() {
        SmsGateway gateway = new SmsGateway(settings("{\"messages\":[{\"destination\":\"${to}\",\"body\":\"${text}\"}],"
                + "\"id\":\"${other}\"}", SmsProperties.JSON));
        assertThat(gateway.body("+1", "x")).isEqualTo("{\"messages\":[{\"destination\":\"+1\",\"body\":\"x\"}],"
                + "\"id\":\"${other}\"}");
    }

    @Test
    void anUnknownContentTypeIsRefusedAtStart() {
        assertThatThrownBy(() -> settings(null, "text/xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ORDO_SMS_CONTENT_TYPE");
    }
}
