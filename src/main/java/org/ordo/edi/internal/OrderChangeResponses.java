package org.ordo.edi.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ordo.intake.Intake;
import org.ordo.ordering.OrderCancelled;
import org.ordo.ordering.OrderChanged;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An EDI order changed or cancelled after placement is answered with an ORDRSP / 855 under the partner's next
 * control number, once per change (a redelivered event finds it sent). The answer speaks of the buyer's lines as
 * its ORDERS / 850 gave them (read again from the stored original): each accepted, changed to the quantity the
 * order has now, or not accepted when its article left the order; lines the change added follow with numbers
 * after the buyer's last. A cancelled order gets every line not accepted.
 */
@Component
class OrderChangeResponses {

    private final OrderAnswers answers;
    private final OrderManagement orders;
    private final Intake intake;

    OrderChangeResponses(OrderAnswers answers, OrderManagement orders, Intake intake) {
        this.answers = answers;
        this.orders = orders;
        this.intake = intake;
    }

    @ApplicationModuleListener
    void on(OrderChanged changed) {
        // the order as this change left it, not as later changes may have made it since
        answer(changed.order(), OrderResponse.Occasion.CHANGED, "change:" + changed.changeId());
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        answer(orders.require(cancelled.orderId()), OrderResponse.Occasion.CANCELLED, "cancellation");
    }

    private void answer(OrderView order, OrderResponse.Occasion occasion, String subject) {
        answers.of(order).ifPresent(edi -> {
            String type = edi.x12() ? "855" : "ORDRSP";
            answers.send(edi, type, subject, controlNumber -> {
                OrderResponse.Order response = response(edi, order, occasion);
                return edi.x12() ? OrderResponse.x12(edi.us(), edi.them(), edi.us().application(),
                        edi.them().application(), controlNumber, answers.now(), response)
                        : OrderResponse.edifact(edi.us(), edi.them(), controlNumber, answers.now(), response);
            });
        });
    }

    private OrderResponse.Order response(OrderAnswers.EdiOrder edi, OrderView order,
            OrderResponse.Occasion occasion) {
        boolean cancelled = occasion == OrderResponse.Occasion.CANCELLED;
        Map<String, OrderView.Line> bySku = new LinkedHashMap<>();
        order.lines().forEach(l -> bySku.merge(l.sku(), l, (a, b) -> a));
        Map<String, Long> quantityLeft = new HashMap<>();
        Map<String, Long> backorderLeft = new HashMap<>();
        order.lines().forEach(l -> {
            quantityLeft.merge(l.sku(), cancelled ? 0 : l.quantity(), Long::sum);
            backorderLeft.merge(l.sku(), cancelled ? 0 : l.backordered(), Long::sum);
        });
        Map<String, OrderAnswers.ArticleNumber> numbers = answers.articleNumbers(edi.partner(), bySku.keySet());
        Map<String, String> skuOfNumber = new HashMap<>();
        numbers.forEach((sku, number) -> skuOfNumber.put(number.number(), sku));
        List<OrdersMessage.Line> asOrdered = buyersLines(edi);
        // the buyer's lines of one article, to share the article's quantity now among them in their order
        Map<String, Integer> lastLineOf = new HashMap<>();
        for (int i = 0; i < asOrdered.size(); i++) {
            String sku = skuOfNumber.get(asOrdered.get(i).number(edi.partner().articleNumbers()));
            if (sku != null) {
                lastLineOf.put(sku, i);
            }
        }
        List<OrderResponse.Line> lines = new ArrayList<>();
        int lastLineNo = 0;
        for (int i = 0; i < asOrdered.size(); i++) {
            OrdersMessage.Line line = asOrdered.get(i);
            lastLineNo = Math.max(lastLineNo, line.lineNo());
            String number = line.number(edi.partner().articleNumbers());
            String sku = skuOfNumber.get(number);
            String kind = sku == null ? edi.partner().articleNumbers().name() : numbers.get(sku).kind();
            long now = sku == null ? 0 : lastLineOf.get(sku) == i ? quantityLeft.get(sku)
                    : Math.min(line.quantity(), quantityLeft.get(sku));
            if (now == 0) {
                lines.add(new OrderResponse.Line(line.lineNo(), number, kind, line.quantity(), 0, null,
                        OrderResponse.Action.REJECTED));
                continue;
            }
            quantityLeft.merge(sku, -now, Long::sum);
            long backordered = Math.min(now, backorderLeft.get(sku));
            backorderLeft.merge(sku, -backordered, Long::sum);
            lines.add(new OrderResponse.Line(line.lineNo(), number, kind, now, backordered,
                    bySku.get(sku).unitPrice().amount(), now == line.quantity() ? OrderResponse.Action.ACCEPTED
                            : OrderResponse.Action.CHANGED));
        }
        // articles the buyer did not order: added by the change, answered as changed lines of their own
        for (OrderView.Line added : bySku.values()) {
            long left = quantityLeft.getOrDefault(added.sku(), 0L);
            if (left > 0 && !lastLineOf.containsKey(added.sku())) {
                OrderAnswers.ArticleNumber number = numbers.get(added.sku());
                lines.add(new OrderResponse.Line(++lastLineNo, number.number(), number.kind(), left,
                        Math.min(left, backorderLeft.get(added.sku())), added.unitPrice().amount(),
                        OrderResponse.Action.CHANGED));
            }
        }
        LocalDate shipBy = cancelled || order.promisedAt() == null ? null
                : order.promisedAt().atZone(ZoneOffset.UTC).toLocalDate();
        return new OrderResponse.Order(order.number(), edi.buyerOrderNumber(), lines, occasion, shipBy);
    }

    /** The order's lines as the buyer's message gave them, read again from the stored interchange. */
    private List<OrdersMessage.Line> buyersLines(OrderAnswers.EdiOrder edi) {
        Interchange interchange = Interchange.read(intake.originalBody(edi.origin().inboundDocumentId()));
        return interchange.messages().stream().filter(m -> m.ref().equals(edi.origin().messageRef())).findFirst()
                .map(m -> (interchange.isX12() ? PurchaseOrderMessage.read(m) : OrdersMessage.read(m)).lines())
                .orElse(List.of()).stream().collect(Collectors.toList());
    }
}
