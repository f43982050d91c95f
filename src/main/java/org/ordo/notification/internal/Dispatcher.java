package org.ordo.notification.internal;

import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.ordo.notification.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Delivers the outbox. Each round claims a batch of due messages in one short statement (skipping rows another
 * node holds), sends each outside any transaction, and records the outcome: SENT; QUEUED again with a doubling
 * wait; FAILED after the last attempt; or KEPT when no mail server is configured. A message whose node died
 * mid-send is claimed again after the lease, so it is delivered at least once, and never by two nodes at once.
 */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Messages messages;
    private final JavaMailSenderImpl sender;
    private final NotificationProperties settings;
    private final SmsGateway sms;

    /** {@code sender} null: keep mails instead of sending them; SMS messages are kept. */
    public Dispatcher(Messages messages, JavaMailSenderImpl sender, NotificationProperties settings) {
        this(messages, sender, null, settings);
    }

    /** {@code sender} null: keep mails instead of sending them; {@code sms} null: keep SMS messages. */
    public Dispatcher(Messages messages, JavaMailSenderImpl sender, SmsGateway sms, NotificationProperties settings) {
        this.messages = messages;
        this.sender = sender;
        this.sms = sms;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${ordo.notification.dispatch-every:PT1S}",
            fixedDelayString = "${ordo.notification.dispatch-every:PT1S}")
    void onSchedule() {
        try {
            while (dispatchDue() == settings.batchSize()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            log.warn("Dispatching messages failed; next round will retry: {}", e.toString());
        }
    }

    /** One round: claims due messages and handles each; returns how many it claimed. */
    public int dispatchDue() {
        List<Messages.Claimed> claimed = messages.claimDue(settings.batchSize(), settings.lease());
        for (Messages.Claimed c : claimed) {
            if (Messages.SMS.equals(c.message().channel())) {
                text(c);
                continue;
            }
            if (sender == null) {
                messages.kept(c);
                continue;
            }
            try {
                sender.send(mail(c.message()));
                if (!messages.sent(c)) {
                    log.warn("Message {} was sent after its claim ran out", c.message().id());
                }
            } catch (MailException | MessagingException e) {
                int attempt = c.message().attempts() + 1;
                boolean last = attempt >= settings.maxAttempts();
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                messages.failed(c, error.length() > 1000 ? error.substring(0, 1000) : error, last,
                        settings.retryAfter(attempt));
                log.info("Message {} attempt {} failed{}: {}", c.message().id(), attempt,
                        last ? " for the last time" : "", error);
            }
        }
        return claimed.size();
    }

    /** Sends one claimed SMS: kept without a gateway; a 4xx answer (but 408 and 429) fails it at once. */
    private void text(Messages.Claimed c) {
        if (sms == null) {
            messages.kept(c);
            return;
        }
        SmsGateway.Result result = sms.send(c.message().id().toString(), c.message().recipient(), c.message().body());
        if (result.outcome() == SmsGateway.Outcome.SENT) {
            if (!messages.sent(c)) {
                log.warn("SMS {} was sent after its claim ran out", c.message().id());
            }
            return;
        }
        int attempt = c.message().attempts() + 1;
        boolean last = result.outcome() == SmsGateway.Outcome.FAILED || attempt >= settings.maxAttempts();
        String error = result.detail().length() > 1000 ? result.detail().substring(0, 1000) : result.detail();
        messages.failed(c, error, last, settings.retryAfter(attempt));
        log.info("SMS {} attempt {} failed{}: {}", c.message().id(), attempt, last ? " for the last time" : "", error);
    }

    private MimeMessage mail(Message m) throws MessagingException {
        // A stable Message-ID (the message's id) lets receivers and tests recognise a repeated delivery.
        MimeMessage mail = new MimeMessage(sender.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + m.id() + "@ordo>");
            }
        };
        mail.setFrom(new InternetAddress(settings.smtp().from()));
        mail.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(m.recipient()));
        mail.setSubject(m.subject(), "UTF-8");
        mail.setText(m.body(), "UTF-8");
        mail.setHeader("Content-Language", m.locale());
        return mail;
    }

    /** A sender for the configured server; null when none is configured. */
    public static JavaMailSenderImpl senderFor(NotificationProperties.Smtp smtp) {
        if (!smtp.configured()) {
            return null;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host().trim());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        Properties props = sender.getJavaMailProperties();
        String timeout = String.valueOf(smtp.timeout().toMillis());
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        // Use TLS when the server offers it (port 587 servers do); plain servers still work.
        props.put("mail.smtp.starttls.enable", "true");
        if (smtp.user() != null && !smtp.user().isBlank()) {
            sender.setUsername(smtp.user());
            sender.setPassword(smtp.password());
            props.put("mail.smtp.auth", "true");
        }
        return sender;
    }
}
