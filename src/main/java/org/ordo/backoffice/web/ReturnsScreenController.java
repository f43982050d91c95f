package org.ordo.backoffice.web;

import java.util.Set;
import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.platform.Role;
import org.ordo.platform.Slice;
import org.ordo.returns.ReturnManagement;
import org.ordo.returns.ReturnStatus;
import org.ordo.returns.ReturnView;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The returns of all orders, newest first, filtered by status; agents approve refunds that wait for them. */
@Controller
@RequestMapping("/returns")
class ReturnsScreenController {

    private static final int PAGE = 50;
    private static final Set<Role> APPROVE = Set.of(Role.ADMIN, Role.AGENT);

    private final ReturnManagement returns;

    ReturnsScreenController(ReturnManagement returns) {
        this.returns = returns;
    }

    @Bean
    static Screen returnsScreen() {
        return new Screen("/returns", "nav.returns", 35, Role.ADMIN, Role.AGENT, Role.WAREHOUSE);
    }

    @ModelAttribute("mayApprove")
    boolean mayApprove() {
        Layout.Me me = Layout.current();
        return me != null && APPROVE.contains(me.role());
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String after,
            Model model) {
        ReturnStatus filter = null;
        for (ReturnStatus s : ReturnStatus.values()) {
            if (s.name().equals(status)) {
                filter = s;
            }
        }
        Slice<ReturnView> page = returns.list(filter, after == null || after.isBlank() ? null : after, PAGE);
        model.addAttribute("returns", page);
        model.addAttribute("status", filter == null ? "" : filter.name());
        model.addAttribute("statuses", ReturnStatus.values());
        return "backoffice/returns/list";
    }

    /** An agent approves a refund that waits for approval; it is paid at once (once). */
    @PostMapping("/{id}/approval")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        if (!mayApprove()) {
            throw new AccessDeniedException("Only agents and admins approve refunds");
        }
        ReturnView[] done = new ReturnView[1];
        if (Attempt.run(redirect, () -> done[0] = returns.approve(id), "returns.approved")) {
            Flash.success(redirect, "returns.approved", done[0].number(), done[0].refund().total().toString());
        }
        return "redirect:/returns?status=AWAITING_APPROVAL";
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "error/403";
    }
}
