package org.ordo.mailroom;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import org.ordo.mailroom.internal.MailboxSettings;
import org.ordo.mailroom.internal.Mailboxes;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.ordo.platform.security.SecurityAuditLog;
import org.ordo.platform.security.SecurityEventKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mailboxes an administrator sets up in the back office (docs/intake.md, "Mailboxes"): added, changed, tested,
 * disabled and enabled again, polled beside those of the {@code ORDO_IMAP_*} settings. The password is sealed before
 * it is stored ({@link org.ordo.platform.security.SealedSecrets}) and never shown again; a change without one keeps
 * it. Every change is a security event.
 */
@Service
public class MailboxSetup {

    public static final int MAX_NAME = 40;
    public static final int MAX_PASSWORD = 500;
    public static final int MAX_FOLDER = 200;
    /** The size limit of one mail can be set between 1 and 100 MiB. */
    public static final int MAX_MAIL_MEBIBYTES = 100;
    /** How a test's outcome is stored before its detail (screens show it in words, see SetUpMailbox). */
    private static final String PASSED = "OK: ";
    private static final String FAILED = "FAILED: ";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1,253}");

    private final Mailboxes mailboxes;
    private final MailboxSettings settings;
    private final Mailroom mailroom;
    private final SecurityAuditLog securityLog;
    private final Clock clock;

    MailboxSetup(Mailboxes mailboxes, MailboxSettings settings, Mailroom mailroom, SecurityAuditLog securityLog,
            Clock clock) {
        this.mailboxes = mailboxes;
        this.settings = settings;
        this.mailroom = mailroom;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /** A mailbox as a person sets it up; {@code password} blank on a change keeps the one stored. */
    public record MailboxForm(String name, String host, Integer port, boolean ssl, String user, String password,
            String folder, Integer maxMailMebibytes) {
    }

    /**
     * A mailbox as shown (never its password): set up in the back office, or read from the settings
     * ({@code fromSettings}: changed only there). {@code lastTest} says what the last test found.
     */
    public record SetUpMailbox(String name, String host, int port, boolean ssl, String user, String folder,
            long maxMailBytes, boolean active, boolean fromSettings, Instant updatedAt, String updatedBy,
            Instant lastTestAt, String lastTest) {

        public long maxMailMebibytes() {
            return maxMailBytes / (1024 * 1024);
        }

        /** Whether the last test passed; null when the mailbox was never tested. */
        public Boolean lastTestPassed() {
            return lastTest == null ? null : lastTest.startsWith(PASSED);
        }

        /** What the last test saw, or why it failed, without the outcome it is stored with. */
        public String lastTestDetail() {
            return lastTest == null ? null : lastTest.substring(lastTest.indexOf(": ") + 2);
        }
    }

    /** What a test found: whether Ordo could log in and open the folder, and what it saw or why not. */
    public record TestResult(boolean ok, String detail) {
    }

    /** Every mailbox polled or set up: those of the settings first, then those set up here by name. */
    public List<SetUpMailbox> mailboxes() {
        List<SetUpMailbox> all = new ArrayList<>();
        for (Mailbox m : settings.all()) {
            all.add(new SetUpMailbox(m.name(), m.host(), m.port(), m.ssl(), m.user(), m.folder(), m.maxMailBytes(),
                    true, true, null, null, null, null));
        }
        mailboxes.list().forEach(r -> all.add(view(r)));
        return all;
    }

    /** Whether a mailbox of this name is set up here (those of the settings are changed only there). */
    public boolean has(String name) {
        return mailboxes.find(name).isPresent();
    }

    public SetUpMailbox mailbox(String name) {
        return mailboxes.find(name).map(MailboxSetup::view).orElseThrow(() -> new NotFoundException("Mailbox", name));
    }

    /** Adds a mailbox, polled from the next round on; refuses invalid fields (422) and a name in use (409). */
    @Transactional
    public SetUpMailbox add(MailboxForm form) {
        Mailbox mailbox = checked(form, true);
        if (settings.all().stream().anyMatch(m -> m.name().equals(mailbox.name()))
                || !mailboxes.insert(mailbox, clock.instant(), Actor.current())) {
            throw new ConflictException("duplicate-mailbox", "Mailbox name in use",
                    Wording.of("mailroom.a_mailbox_named_exists", mailbox.name()), Map.of("field", "name"));
        }
        securityLog.record(SecurityEventKind.SETTING_CHANGED, "mailbox:" + mailbox.name(),
                "mailbox added: " + mailbox + ", its password sealed");
        return mailbox(mailbox.name());
    }

    /** Changes a mailbox set up here (its name stays); a blank password keeps the stored one. */
    @Transactional
    public SetUpMailbox change(String name, MailboxForm form) {
        mailbox(name);
        Mailbox mailbox = checked(new MailboxForm(name, form.host(), form.port(), form.ssl(), form.user(),
                form.password(), form.folder(), form.maxMailMebibytes()), false);
        mailboxes.update(mailbox, clock.instant(), Actor.current());
        securityLog.record(SecurityEventKind.SETTING_CHANGED, "mailbox:" + name, "mailbox changed: " + mailbox
                + (mailbox.password() == null ? "" : ", a new password sealed"));
        return mailbox(name);
    }

    /** A disabled mailbox is no longer polled; what was stored from it stays. Enabled, it goes on where it stopped. */
    @Transactional
    public SetUpMailbox enable(String name, boolean active) {
        mailbox(name);
        mailboxes.activate(name, active, clock.instant(), Actor.current());
        securityLog.record(SecurityEventKind.SETTING_CHANGED, "mailbox:" + name, active ? "mailbox enabled"
                : "mailbox disabled");
        return mailbox(name);
    }

    /**
     * Logs in to the mailbox and opens its folder read-only, changing nothing on the server; what it found is kept
     * with the mailbox and shown.
     */
    public TestResult test(String name) {
        Mailbox mailbox = mailboxes.opened(name).orElseThrow(() -> new NotFoundException("Mailbox", name));
        TestResult result;
        try (Store store = Mailroom.imapSession(mailbox).getStore(mailbox.ssl() ? "imaps" : "imap")) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            if (!folder.exists()) {
                result = new TestResult(false, "logged in, but there is no folder " + mailbox.folder());
            } else {
                folder.open(Folder.READ_ONLY);
                try {
                    result = new TestResult(true, "logged in; folder " + mailbox.folder() + " holds "
                            + folder.getMessageCount() + " mail(s)");
                } finally {
                    folder.close(false);
                }
            }
        } catch (jakarta.mail.AuthenticationFailedException e) {
            result = new TestResult(false, "the server refused the user name or password");
        } catch (MessagingException | IllegalStateException e) {
            result = new TestResult(false, "cannot read the mailbox: " + String.valueOf(e.getMessage()).strip());
        }
        mailboxes.tested(name, clock.instant(), (result.ok() ? PASSED : FAILED) + result.detail());
        return result;
    }

    /** Fetches new mail of a mailbox set up here now, as the next scheduled round would. */
    public MailboxPoll poll(String name) {
        SetUpMailbox shown = mailbox(name);
        if (!shown.active()) {
            throw new ConflictException("mailbox-disabled", "Mailbox disabled",
                    Wording.of("mailroom.mailbox_is_disabled_enable_it_to", name), Map.of("mailbox", name));
        }
        return mailroom.poll(mailboxes.opened(name).orElseThrow());
    }

    /** The active mailboxes set up here, their passwords opened, for the poller. */
    public List<Mailbox> polled() {
        return mailboxes.active();
    }

    private Mailbox checked(MailboxForm form, boolean adding) {
        if (form == null) {
            throw new InvalidInputException("body", Wording.of("platform.is_required"));
        }
        List<FieldError> faults = new ArrayList<>();
        String name = form.name() == null ? "" : form.name().strip();
        if (!NAME.matcher(name).matches()) {
            faults.add(new FieldError("name", Wording.of("mailroom.must_be_1_lower_case_letters", MAX_NAME)));
        }
        String host = form.host() == null ? "" : form.host().strip();
        if (!HOST.matcher(host).matches()) {
            faults.add(new FieldError("host", Wording.of("mailroom.must_be_a_host_name_or")));
        }
        int port = form.port() == null ? (form.ssl() ? 993 : 143) : form.port();
        if (port < 1 || port > 65535) {
            faults.add(new FieldError("port", Wording.of("mailroom.must_be_between_1_and_65535")));
        }
        String user = form.user() == null ? "" : form.user().strip();
        if (user.isEmpty() || user.length() > 254 || TextInput.fault(user, false) != null) {
            faults.add(new FieldError("user", Wording.of("mailroom.is_required_1_254_characters_of")));
        }
        String password = form.password() == null || form.password().isEmpty() ? null : form.password();
        if (password == null && adding) {
            faults.add(new FieldError("password", Wording.of("platform.is_required")));
        } else if (password != null && (password.length() > MAX_PASSWORD || password.chars().anyMatch(c -> c < 0x20))) {
            faults.add(new FieldError("password", Wording.of("mailroom.must_be_at_most_characters_no", MAX_PASSWORD)));
        }
        String folder = form.folder() == null || form.folder().isBlank() ? "INBOX" : form.folder().strip();
        if (folder.length() > MAX_FOLDER || TextInput.fault(folder, false) != null) {
            faults.add(new FieldError("folder", Wording.of("mailroom.must_be_1_characters_of_text", MAX_FOLDER)));
        }
        int mebibytes = form.maxMailMebibytes() == null ? (int) (Mailbox.DEFAULT_MAX_MAIL_BYTES / (1024 * 1024))
                : form.maxMailMebibytes();
        if (mebibytes < 1 || mebibytes > MAX_MAIL_MEBIBYTES) {
            faults.add(new FieldError("maxMailMebibytes", Wording.of("mailroom.must_be_between_1_and_mib",
                    MAX_MAIL_MEBIBYTES)));
        }
        if (!faults.isEmpty()) {
            throw new InvalidInputException(faults);
        }
        return new Mailbox(name, host, port, user, password, folder, form.ssl(), mebibytes * 1024L * 1024);
    }

    private static SetUpMailbox view(Mailboxes.Row r) {
        return new SetUpMailbox(r.name(), r.host(), r.port(), r.ssl(), r.user(), r.folder(), r.maxMailBytes(),
                r.active(), false, r.updatedAt(), r.updatedBy(), r.lastTestAt(), r.lastTestResult());
    }
}
