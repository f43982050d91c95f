package org.ordo.backoffice.web;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ordo.billing.Billing;
import org.ordo.billing.DocumentArchive;
import org.ordo.billing.StoredDocument;
import org.ordo.digital.DigitalDelivery;
import org.ordo.intake.InboundDocument;
import org.ordo.intake.Intake;
import org.ordo.inventory.ReservationView;
import org.ordo.notification.Message;
import org.ordo.notification.MessageStatus;
import org.ordo.notification.Notifications;
import org.ordo.ordering.HoldKind;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentStatus;
import org.ordo.payment.BankTransfer;
import org.ordo.payment.PaymentManagement;
import org.ordo.platform.AddressProblem;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Wording;
import org.ordo.platform.security.TrackingTokens;
import org.ordo.shipping.ShippingManagement;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One order with everything about it: lines and where each is reserved, payment, shipments, invoices, download
 * links, messages to the customer, the original inbound document and the timeline; and the actions its state
 * allows. Each action goes through the owning module's service as the person logged in, which checks the state
 * again (two people may act at once).
 */
@Controller
@RequestMapping("/orders/{number}")
class OrderDetailController {

    /** The original document is shown up to this size; larger ones are only described. */
    private static final int ORIGINAL_SHOWN = 64 * 1024;

    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final PaymentManagement payments;
    private final ShippingManagement shipping;
    private final Billing billing;
    private final Notifications notifications;
    private final Intake intake;
    private final DigitalDelivery digital;
    private final TrackingTokens tracking;
    private final DocumentArchive documents;
    private final org.ordo.returns.ReturnManagement returns;
    private final java.time.Clock clock;
    private final org.ordo.ordering.OrderFollowUps followUps;
    private final org.ordo.ordering.OrderChanges changes;
    private final org.ordo.party.PartyManagement parties;

    OrderDetailController(OrderManagement orders, OrderLifecycle lifecycle, PaymentManagement payments,
            ShippingManagement shipping, Billing billing, Notifications notifications, Intake intake,
            DigitalDelivery digital, TrackingTokens tracking, DocumentArchive documents,
            org.ordo.returns.ReturnManagement returns, java.time.Clock clock,
            org.ordo.ordering.OrderFollowUps followUps, org.ordo.ordering.OrderChanges changes,
            org.ordo.party.PartyManagement parties) {
        this.parties = parties;
        this.changes = changes;
        this.clock = clock;
        this.followUps = followUps;
        this.returns = returns;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.shipping = shipping;
        this.billing = billing;
        this.notifications = notifications;
        this.intake = intake;
        this.digital = digital;
        this.tracking = tracking;
        this.documents = documents;
    }

    /** What the order's state allows; the page offers only these. */
    record Allowed(boolean hold, boolean release, boolean cancel, boolean bookTransfer, boolean change) {

        static Allowed in(OrderView o) {
            boolean live = o.status() == OrderStatus.OPEN || o.status() == OrderStatus.ON_HOLD;
            boolean shipped = o.fulfillmentStatus().hasShipped();
            return new Allowed(o.status() == OrderStatus.OPEN && !shipped, o.status() == OrderStatus.ON_HOLD,
                    live && !shipped, o.status() != OrderStatus.CANCELLED
                            && (o.paymentStatus() == PaymentStatus.PENDING
                                    || o.paymentStatus() == PaymentStatus.AUTHORIZED),
                    live && !shipped); // picking may have started: the change itself says so (409)
        }
    }

    /** A line with the reservations that hold its goods (which warehouse, how many, in what state). */
    record LineRow(OrderView.Line line, List<ReservationView> reservations) {
    }

    /** A problem of the shipping address as a translated text: its message key and arguments. */
    record AddressFault(String key, List<String> args) {

        static AddressFault of(AddressProblem problem, String country) {
            return new AddressFault("address.problem." + problem.kind(), java.util.Arrays.asList(problem.value(),
                    problem.expected(), country));
        }
    }

    /** The stored original, as text when it is text. */
    record Original(InboundDocument document, String text) {
    }

    @GetMapping
    String detail(@PathVariable String number, Model model) {
        UUID id = orders.idOf(number);
        OrderView order = orders.require(id);
        Map<Integer, List<ReservationView>> byLine = order.reservations().stream()
                .collect(Collectors.groupingBy(ReservationView::lineNo));
        model.addAttribute("order", order);
        // late as in the queue: the promise has passed and nothing has left the warehouse for a live order
        model.addAttribute("late", (order.status() == OrderStatus.OPEN || order.status() == OrderStatus.ON_HOLD)
                && !order.fulfillmentStatus().hasShipped() && order.promisedAt().isBefore(clock.instant()));
        model.addAttribute("lines", order.lines().stream()
                .map(l -> new LineRow(l, byLine.getOrDefault(l.lineNo(), List.of()))).toList());
        model.addAttribute("allowed", Allowed.in(order));
        model.addAttribute("payment", payments.summary(id));
        model.addAttribute("unpaidExpiry", followUps.unpaidExpiry(order).orElse(null));
        model.addAttribute("shipments", shipping.shipmentsOf(id));
        model.addAttribute("returns", returns.ofOrder(id));
        model.addAttribute("invoices", billing.invoicesOf(id));
        // Renders what is not stored yet (the confirmation is made when first needed), so every entry downloads.
        model.addAttribute("documents", documents.ofOrder(id));
        model.addAttribute("downloads", digital.entitlementsOf(id));
        model.addAttribute("messages", notifications.ofOrder(id));
        model.addAttribute("original", order.inboundDocumentId() == null ? null : original(order.inboundDocumentId()));
        model.addAttribute("timeline", order.timeline());
        model.addAttribute("changes", changes.of(id));
        model.addAttribute("holdKinds", HoldKind.values());
        // Checked now, not when held: after the address was corrected the agent sees that it fits.
        boolean live = order.status() == OrderStatus.OPEN || order.status() == OrderStatus.ON_HOLD;
        model.addAttribute("addressFaults", !live || order.fulfillmentStatus().hasShipped() ? List.of()
                : lifecycle.addressProblems(order).stream()
                        .map(p -> AddressFault.of(p, order.shippingAddress().country())).toList());
        model.addAttribute("trackingPath", "/track/" + tracking.token(id));
        model.addAttribute("customerTrusted", parties.findCustomer(order.customer().id())
                .map(org.ordo.party.Customer::trusted).orElse(false));
        return "backoffice/orders/detail";
    }

    /** One of the order's stored documents (PDF or e-invoice XML), exactly as stored and mailed. */
    @GetMapping("/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable String number, @PathVariable UUID documentId) {
        UUID id = orders.idOf(number);
        StoredDocument.File file = documents.file(documentId);
        if (!id.equals(file.document().orderId())) {
            throw new NotFoundException("Document", documentId);
        }
        return StoredFiles.inline(file);
    }

    @PostMapping("/hold")
    String hold(@PathVariable String number, @RequestParam(defaultValue = "MANUAL") String kind,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        HoldKind holdKind = Arrays.stream(HoldKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElse(null);
        Attempt.run(redirect, () -> lifecycle.hold(orders.idOf(number), holdKind, reason), "order.held", number);
        return back(number);
    }

    @PostMapping("/release")
    String release(@PathVariable String number, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Attempt.run(redirect, () -> lifecycle.releaseHold(orders.idOf(number), reason), "order.released", number);
        return back(number);
    }

    /**
     * Marks the order's customer as trusted, or no longer: an exchange's replacement then ships at once, before the
     * returned goods arrive (docs/returns.md).
     */
    @PostMapping("/customer-trust")
    String trustCustomer(@PathVariable String number, @RequestParam(defaultValue = "false") boolean trusted,
            RedirectAttributes redirect) {
        OrderView order = orders.require(orders.idOf(number));
        Attempt.run(redirect, () -> parties.trustCustomer(order.customer().id(), trusted),
                trusted ? "customer.trusted" : "customer.untrusted", order.customer().name());
        return back(number);
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable String number, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Attempt.run(redirect, () -> orders.cancel(orders.idOf(number), reason), "order.cancelled", number);
        return back(number);
    }

    /**
     * An agent changes one line (another quantity, 0 removes it, or another SKU) or adds one (no line number),
     * as of the version the page showed: someone else's change in between is refused, not overwritten.
     */
    @PostMapping("/changes")
    String change(@PathVariable String number, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String lineNo, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String quantity, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Attempt.run(redirect, () -> {
            org.ordo.ordering.ChangeOrder.Line line = new org.ordo.ordering.ChangeOrder.Line(
                    blank(lineNo) ? null : (int) Math.min(Integer.MAX_VALUE,
                            org.ordo.platform.Numbers.whole("lineNo", lineNo.trim(), false)),
                    blank(sku) ? null : sku.trim(),
                    blank(quantity) ? null : org.ordo.platform.Numbers.whole("quantity", quantity.trim(), false));
            changes.change(orders.idOf(number), version, new org.ordo.ordering.ChangeOrder(reason,
                    List.of(line), null, null, null), null);
        }, "order.changed", number);
        return back(number);
    }

    /** Books money that arrived by bank transfer; paid in full, the order is PAID and goes to the warehouse. */
    @PostMapping("/bank-transfer")
    String bankTransfer(@PathVariable String number, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String reference, @RequestParam(required = false) String bookedOn,
            RedirectAttributes redirect) {
        OrderView order = orders.require(orders.idOf(number));
        Attempt.run(redirect, () -> payments.recordBankTransfer(new BankTransfer(order.number(),
                new MoneyInput(amount, order.currency()), reference, blank(bookedOn) ? null : bookedOn)),
                "order.transferBooked", amount == null ? "" : amount.trim() + " " + order.currency(), number);
        return back(number);
    }

    /** Sends a copy of a message of this order again. */
    @PostMapping("/messages/{messageId}/resend")
    String resend(@PathVariable String number, @PathVariable UUID messageId, RedirectAttributes redirect) {
        UUID orderId = orders.idOf(number);
        Attempt.run(redirect, () -> {
            Message message = notifications.require(messageId);
            if (!orderId.equals(message.orderId())) {
                throw new InvalidInputException("message", Wording.of("backoffice.is_not_a_message_of_order", number));
            }
            notifications.resend(messageId);
        }, "order.messageResent", number);
        return back(number);
    }

    private Original original(UUID documentId) {
        InboundDocument document = intake.document(documentId);
        if (document.size() > ORIGINAL_SHOWN) {
            return new Original(document, null);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(intake.originalBody(documentId))).toString();
            return new Original(document, text);
        } catch (CharacterCodingException binary) {
            return new Original(document, null);
        }
    }

    static boolean resendable(MessageStatus status) {
        return status != MessageStatus.QUEUED && status != MessageStatus.SENDING;
    }

    private static String back(String number) {
        return "redirect:/orders/" + number;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
