package org.ordo.backoffice.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Numbers;
import org.ordo.platform.Role;
import org.ordo.platform.Slice;
import org.ordo.returns.Condition;
import org.ordo.returns.ReceiveReturn;
import org.ordo.returns.ReturnManagement;
import org.ordo.returns.ReturnStatus;
import org.ordo.returns.ReturnView;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The returns of all orders, newest first, filtered by status; agents approve refunds that wait for them; the
 * warehouse receives a return by scanning its RMA number and saying what arrived in what condition.
 */
@Controller
@RequestMapping("/returns")
class ReturnsScreenController {

    private static final int PAGE = 50;
    private static final Set<Role> APPROVE = Set.of(Role.ADMIN, Role.AGENT);
    /** Who books receipts: as the API's receipts ({@code POST /api/v1/returns/{id}/receipts}). */
    private static final Set<Role> RECEIVE = Set.of(Role.ADMIN, Role.WAREHOUSE);

    private final ReturnManagement returns;
    private final InventoryManagement inventory;

    ReturnsScreenController(ReturnManagement returns, InventoryManagement inventory) {
        this.returns = returns;
        this.inventory = inventory;
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

    @ModelAttribute("mayReceive")
    boolean mayReceive() {
        Layout.Me me = Layout.current();
        return me != null && RECEIVE.contains(me.role());
    }

    /**
     * The scanner screen: scan (or type) an RMA number; an announced return shows its lines, each with what arrived
     * resellable, damaged or incomplete (resellable preset to what was announced).
     */
    @GetMapping("/receive")
    String receiving(@RequestParam(required = false) String rma, @RequestParam(required = false) String location,
            Model model) {
        if (!mayReceive()) {
            throw new AccessDeniedException("Only the warehouse and admins receive returns");
        }
        model.addAttribute("locations", inventory.locations().stream().filter(Location::active).toList());
        model.addAttribute("location", location);
        model.addAttribute("rma", rma == null ? "" : rma.trim());
        if (rma != null && !rma.isBlank()) {
            try {
                ReturnView found = returns.require(returns.idOf(rma.trim()));
                if (found.status() == ReturnStatus.AUTHORIZED) {
                    model.addAttribute("scanned", found);
                } else {
                    model.addAttribute("scanProblem", "returns.receive.notExpected");
                    model.addAttribute("scanStatus", found.status());
                }
            } catch (NotFoundException e) {
                model.addAttribute("scanProblem", "returns.receive.notFound");
            }
        }
        return "backoffice/returns/receive";
    }

    /**
     * Books what arrived for a scanned return, once (the service refuses a second receipt with nothing booked);
     * then the screen waits for the next scan at the same location.
     */
    @PostMapping("/{id}/receipt")
    String receive(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        if (!mayReceive()) {
            throw new AccessDeniedException("Only the warehouse and admins receive returns");
        }
        String location = form.getFirst("location");
        ReturnView announced = returns.require(id);
        List<ReceiveReturn.Line> lines = new ArrayList<>();
        for (ReturnView.Line line : announced.lines()) {
            boolean writeOff = form.containsKey("writeOff-" + line.lineNo());
            add(lines, line.lineNo(), form.getFirst("resellable-" + line.lineNo()), Condition.RESELLABLE, false);
            add(lines, line.lineNo(), form.getFirst("damaged-" + line.lineNo()), Condition.DAMAGED, writeOff);
            add(lines, line.lineNo(), form.getFirst("incomplete-" + line.lineNo()), Condition.INCOMPLETE, writeOff);
        }
        ReturnView[] done = new ReturnView[1];
        if (Attempt.run(redirect, () -> done[0] = returns.receive(id, new ReceiveReturn(location, lines)),
                "returns.received", announced.number(), location)) {
            return "redirect:/returns/receive?location=" + Redirects.query(location);
        }
        return "redirect:/returns/receive?rma=" + Redirects.query(announced.number()) + "&location=" + Redirects.query(location);
    }

    /** A unit count of the form as a receipt line; blank or 0 adds nothing, anything else the service checks. */
    private static void add(List<ReceiveReturn.Line> lines, int lineNo, String count, Condition condition,
            boolean writeOff) {
        if (count == null || count.isBlank() || count.trim().equals("0")) {
            return;
        }
        Long quantity = Numbers.wholeOrNull(count.trim());
        if (quantity == null) {
            quantity = -1L; // refused by the service, naming the line
        }
        lines.add(new ReceiveReturn.Line(lineNo, quantity, condition.name(),
                condition == Condition.RESELLABLE ? Boolean.FALSE : writeOff));
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "error/403";
    }
}
