package org.ordo.notification.internal;

import java.time.ZoneId;

import org.ordo.billing.DocumentArchive;
import org.ordo.platform.OrdoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mail sender is made here, not by Boot's mail auto-configuration: Ordo's setting is "a non-blank
 * ORDO_SMTP_HOST", and without one there is no sender at all (messages are kept), never a sender with an
 * empty host.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    @Bean
    Templates templates(NotificationProperties settings, OrdoProperties ordo) {
        return new Templates(settings.templateDir() != null ? settings.templateDir()
                : ordo.dataDir().resolve("templates"), ZoneId.systemDefault());
    }

    /** Not in {@code ordo check}: a check changes nothing and sends nothing. */
    @Bean
    @ConditionalOnProperty(name = "ordo.mode", havingValue = "server", matchIfMissing = true)
    Dispatcher dispatcher(Messages messages, NotificationProperties settings, DocumentArchive documents,
            SmsProperties smsSettings) {
        NotificationProperties.Smtp smtp = settings.smtp();
        if (smtp.configured()) {
            log.info("Customer messages are sent through {}:{}", smtp.host(), smtp.port());
        } else {
            log.info("No SMTP server configured (ORDO_SMTP_HOST): customer messages are kept, readable at"
                    + " /api/v1/messages");
        }
        SmsGateway sms = SmsGateway.of(smsSettings);
        if (sms != null) {
            log.info("SMS messages are sent through {}", sms.describe());
        } else {
            log.info("No SMS gateway configured (ORDO_SMS_URL): SMS messages are kept, readable at /api/v1/messages");
        }
        return new Dispatcher(messages, Dispatcher.senderFor(smtp), settings, documents, sms);
    }
}
