package org.ordo.backoffice.web;

import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.edi.EdiManagement;
import org.ordo.edi.EdiMessage;
import org.ordo.platform.Actor;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Role;
import org.ordo.platform.Slice;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * EDI trading partners and their messages: what came in (each message's outcome, the original interchange with a
 * segment a line) and what went out (with its delivery); agents resend an outgoing message and reprocess an
 * interchange whose messages wait for review once the cause is fixed. An action on a partner or message that does not
 * exist changes nothing and leads to a page that does, which says so.
 */
@Controller
@RequestMapping("/edi")
class EdiScreenController {

    private static final int PAGE = 50;

    private final EdiManagement edi;

    EdiScreenController(EdiManagement edi) {
        this.edi = edi;
    }

    @Bean
    static Screen ediScreen() {
        return new Screen("/edi", "nav.edi", 37, Role.ADMIN, Role.AGENT);
    }

    @GetMapping
    String partners(Model model) {
        model.addAttribute("partners", edi.partners());
        return "backoffice/edi/partners";
    }

    @GetMapping("/{code}")
    String partner(@PathVariable String code, @RequestParam(required = false) String direction,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String after,
            Model model) {
        EdiMessage.Direction byDirection = parse(EdiMessage.Direction.class, direction);
        EdiMessage.Outcome byOutcome = parse(EdiMessage.Outcome.class, outcome);
        Slice<EdiMessage> page = edi.messages(code, byDirection, byOutcome,
                after == null || after.isBlank() ? null : after, PAGE);
        model.addAttribute("partner", edi.partner(code));
        model.addAttribute("messages", page);
        model.addAttribute("direction", byDirection == null ? "" : byDirection.name());
        model.addAttribute("outcome", byOutcome == null ? "" : byOutcome.name());
        model.addAttribute("directions", EdiMessage.Direction.values());
        model.addAttribute("outcomes", EdiMessage.Outcome.values());
        return "backoffice/edi/partner";
    }

    @GetMapping("/{code}/messages/{id}")
    String message(@PathVariable String code, @PathVariable UUID id, Model model) {
        model.addAttribute("partner", edi.partner(code));
        model.addAttribute("message", edi.message(code, id));
        model.addAttribute("text", edi.text(code, id));
        return "backoffice/edi/message";
    }

    /** Delivers an outgoing message again, as it was sent. */
    @PostMapping("/{code}/messages/{id}/resend")
    String resend(@PathVariable String code, @PathVariable UUID id, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> edi.resend(code, id), "edi.resent");
        return backTo(code, id, redirect);
    }

    /** Tries the interchange's messages that wait for review again. */
    @PostMapping("/{code}/interchanges/{document}/reprocess")
    String reprocess(@PathVariable String code, @PathVariable UUID document,
            @RequestParam(required = false) UUID message, RedirectAttributes redirect) {
        EdiManagement.Reprocessed[] done = new EdiManagement.Reprocessed[1];
        if (Attempt.run(redirect, () -> done[0] = edi.reprocess(code, document, Actor.current()), "edi.reprocessed")) {
            long placed = done[0].messages().stream().filter(m -> m.outcome() == EdiMessage.Outcome.PLACED).count();
            Flash.success(redirect, "edi.reprocessed", placed, done[0].messages().size());
        }
        return backTo(code, message, redirect);
    }

    /**
     * Where an action leads: the message's page, else the partner's, else the list of partners, each showing why
     * nothing happened; a page that does not exist would be a 404 that never says. A code that names no partner (it
     * can be anything typed into the address) never becomes part of a redirect.
     */
    private String backTo(String code, UUID message, RedirectAttributes redirect) {
        if (edi.partners().stream().noneMatch(p -> p.code().equals(code))) {
            Flash.error(redirect, "edi.missingPartner", code.length() <= 40 ? code : code.substring(0, 40) + "…");
            return "redirect:/edi";
        }
        if (message != null) {
            try {
                edi.message(code, message);
                return "redirect:/edi/" + code + "/messages/" + message;
            } catch (NotFoundException e) {
                // the partner's page shows the refusal
            }
        }
        return "redirect:/edi/" + code;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
