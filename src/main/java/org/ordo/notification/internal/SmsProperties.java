package org.ordo.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP SMS gateway (see application.properties and docs/configuration.md). A blank {@code url} means none: SMS
 * messages are kept, like mails without an SMTP server.
 *
 * @param url where each SMS is POSTed
 * @param user with {@code password}: HTTP basic authentication
 * @param token instead of user and password: {@code Authorization: Bearer <token>}
 * @param from the sender name or number the gateway shows
 * @param bodyTemplate the request body with {@code ${to}}, {@code ${text}} and {@code ${from}}; blank: the
 *        default for the content type
 * @param contentType {@code application/json} (values JSON-escaped) or {@code application/x-www-form-urlencoded}
 *        (values URL-encoded)
 * @param timeout for connecting and for the whole request
 */
@ConfigurationProperties("ordo.notification.sms")
public record SmsProperties(String url, String user, String password, String token,
        @DefaultValue("Ordo") String from, String bodyTemplate,
        @DefaultValue("application/json") String contentType,
        @DefaultValue("PT10S") Duration timeout) {

    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String DEFAULT_JSON_BODY = "{\"to\":\"${to}\",\"text\":\"${text}\",\"from\":\"${from}\"}";
    public static final String DEFAULT_FORM_BODY = "to=${to}&text=${text}&from=${from}";

    public SmsProperties {
        contentType = contentType == null || contentType.isBlank() ? JSON : contentType.trim();
        if (!contentType.equals(JSON) && !contentType.equals(FORM)) {
            throw new IllegalArgumentException("ordo.notification.sms.content-type (ORDO_SMS_CONTENT_TYPE) must be "
                    + JSON + " or " + FORM + ", not " + contentType);
        }
        bodyTemplate = bodyTemplate == null || bodyTemplate.isBlank()
                ? (contentType.equals(JSON) ? DEFAULT_JSON_BODY : DEFAULT_FORM_BODY) : bodyTemplate;
        from = from == null ? "" : from;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
