package org.ordo.backoffice.web;

import org.ordo.mailroom.MailboxPoll;
import org.ordo.mailroom.MailboxSetup;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mailboxes orders arrive in, set up by an administrator (under the admin screen, so for admins only): added,
 * changed, tested, polled at once, disabled. The password is written, never shown. An action on a name no mailbox
 * has (an old link, a name typed into the address) changes nothing and leads to the list, which says so.
 */
@Controller
@RequestMapping("/admin/mailboxes")
class MailboxScreenController {

    private final MailboxSetup setup;

    MailboxScreenController(MailboxSetup setup) {
        this.setup = setup;
    }

    /**
     * The form's fields as posted; a number field left empty is null, one that is not a number is refused, and so is a
     * value of the TLS checkbox other than its own.
     */
    record Form(String name, String host, String port, String ssl, String user, String password, String folder,
            String maxMailMebibytes) {

        MailboxSetup.MailboxForm toForm() {
            return new MailboxSetup.MailboxForm(name, host, number("port", port), tls(ssl), user, password,
                    folder, number("maxMailMebibytes", maxMailMebibytes));
        }

        /** The TLS checkbox: absent is unchecked, "true" checked; any other value is none of the form's choices. */
        private static boolean tls(String ssl) {
            if (ssl == null || ssl.isEmpty() || ssl.equals("false")) {
                return false;
            }
            if (ssl.equals("true")) {
                return true;
            }
            throw new org.ordo.platform.InvalidInputException("ssl", Wording.of("mailroom.ssl_checked_or_absent"));
        }

        private static Integer number(String field, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            return org.ordo.platform.Numbers.wholeInt(field, text.strip(), false);
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("mailboxes", setup.mailboxes());
        return "backoffice/admin/mailboxes";
    }

    @PostMapping
    String add(Form form, RedirectAttributes redirect) {
        if (Attempt.run(redirect, () -> setup.add(form.toForm()), "mailboxes.added", form.name())) {
            return "redirect:/admin/mailboxes/" + form.name().strip();
        }
        return "redirect:/admin/mailboxes";
    }

    @GetMapping("/{name}")
    String mailbox(@PathVariable String name, Model model) {
        model.addAttribute("mailbox", setup.mailbox(name));
        return "backoffice/admin/mailbox";
    }

    @PostMapping("/{name}")
    String change(@PathVariable String name, Form form, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> setup.change(name, form.toForm()), "mailboxes.saved", name);
        return backTo(name, redirect);
    }

    @PostMapping("/{name}/test")
    String test(@PathVariable String name, RedirectAttributes redirect) {
        if (!setup.has(name)) {
            return missing(name, redirect);
        }
        MailboxSetup.TestResult result = setup.test(name);
        if (result.ok()) {
            Flash.success(redirect, "mailboxes.testOk", result.detail());
        } else {
            Flash.error(redirect, "mailboxes.testFailed", result.detail());
        }
        return "redirect:/admin/mailboxes/" + name;
    }

    @PostMapping("/{name}/poll")
    String poll(@PathVariable String name, RedirectAttributes redirect) {
        try {
            MailboxPoll poll = setup.poll(name);
            Flash.success(redirect, "mailboxes.polled", poll.seen(), poll.stored());
        } catch (org.ordo.platform.ConflictException | org.ordo.platform.NotFoundException e) {
            Flash.error(redirect, "flash.refused", Refusals.of(e));
        }
        return backTo(name, redirect);
    }

    @PostMapping("/{name}/disable")
    String disable(@PathVariable String name, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> setup.enable(name, false), "mailboxes.disabled", name);
        return backTo(name, redirect);
    }

    @PostMapping("/{name}/enable")
    String enable(@PathVariable String name, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> setup.enable(name, true), "mailboxes.enabled", name);
        return backTo(name, redirect);
    }

    /**
     * Back to the mailbox's page after an action on it; for a name no mailbox has, that page would be a 404 that
     * never shows why nothing happened, so the list of the mailboxes there are says it instead (and the name, which
     * can be anything typed into the address, never becomes part of a redirect).
     */
    private String backTo(String name, RedirectAttributes redirect) {
        return setup.has(name) ? "redirect:/admin/mailboxes/" + name : missing(name, redirect);
    }

    private static String missing(String name, RedirectAttributes redirect) {
        Flash.error(redirect, "mailboxes.missing", name.codePointCount(0, name.length()) <= MailboxSetup.MAX_NAME ? name
                : new String(name.codePoints().limit(MailboxSetup.MAX_NAME).toArray(), 0, MailboxSetup.MAX_NAME) + "…");
        return "redirect:/admin/mailboxes";
    }
}
