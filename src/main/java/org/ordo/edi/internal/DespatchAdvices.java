package org.ordo.edi.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ordo.fulfillment.FulfillmentManagement;
import org.ordo.fulfillment.Parcel;
import org.ordo.ordering.OrderManagement;
import org.ordo.shipping.Shipment;
import org.ordo.shipping.ShipmentShipped;
import org.ordo.shipping.ShippingManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A shipment of an EDI order is advised to the partner: a DESADV or 856 with one SSCC per parcel, once per
 * shipment (a redelivered event finds it sent).
 */
@Component
class DespatchAdvices {

    private final OrderAnswers answers;
    private final OrderManagement orders;
    private final ShippingManagement shipping;
    private final FulfillmentManagement fulfillment;
    private final EdiMessages messages;
    private final String companyPrefix;

    DespatchAdvices(OrderAnswers answers, OrderManagement orders, ShippingManagement shipping,
            FulfillmentManagement fulfillment, EdiMessages messages,
            @Value("${ordo.edi.gs1-company-prefix:4012345}") String companyPrefix) {
        if (!companyPrefix.matches("[0-9]{6,12}")) {
            throw new IllegalArgumentException("ordo.edi.gs1-company-prefix must be 6-12 digits: " + companyPrefix);
        }
        this.answers = answers;
        this.orders = orders;
        this.shipping = shipping;
        this.fulfillment = fulfillment;
        this.messages = messages;
        this.companyPrefix = companyPrefix;
    }

    @ApplicationModuleListener
    void on(ShipmentShipped shipped) {
        answers.of(orders.require(shipped.orderId())).ifPresent(edi -> {
            Shipment shipment = shipping.requireShipment(shipped.shipmentId());
            String type = edi.x12() ? "856" : "DESADV";
            answers.send(edi, type, shipment.id().toString(), controlNumber -> {
                DespatchAdvice.Shipped advice = advice(edi, shipment);
                return edi.x12() ? DespatchAdvice.x12(edi.us(), edi.them(), controlNumber, answers.now(), advice)
                        : DespatchAdvice.edifact(edi.us(), edi.them(), controlNumber, answers.now(), advice);
            });
        });
    }

    private DespatchAdvice.Shipped advice(OrderAnswers.EdiOrder edi, Shipment shipment) {
        List<Parcel> parcels = fulfillment.parcelsOf(shipment.orderId()).stream()
                .filter(p -> shipment.id().equals(p.shipmentId())).toList();
        Map<String, OrderAnswers.ArticleNumber> numbers = answers.articleNumbers(edi.partner(),
                shipment.lines().stream().map(Shipment.Line::sku).collect(Collectors.toSet()));
        List<DespatchAdvice.Package> packages = new ArrayList<>();
        if (parcels.isEmpty()) {
            // shipped without packing in parcels: the shipment is one package
            packages.add(new DespatchAdvice.Package(sscc(), shipment.lines().stream()
                    .map(l -> item(l.lineNo(), l.sku(), l.quantity(), numbers)).toList()));
        }
        for (Parcel parcel : parcels) {
            packages.add(new DespatchAdvice.Package(sscc(), parcel.items().stream()
                    .map(i -> item(i.lineNo(), i.sku(), i.quantity(), numbers)).toList()));
        }
        // the despatch number: the order's number and which of its shipments this is
        List<Shipment> all = shipping.shipmentsOf(shipment.orderId()).stream()
                .sorted(Comparator.comparing(Shipment::shippedAt).thenComparing(s -> s.id().toString())).toList();
        int index = all.stream().map(Shipment::id).toList().indexOf(shipment.id()) + 1;
        return new DespatchAdvice.Shipped(edi.order().number() + "-" + Math.max(index, 1), edi.order().number(),
                edi.buyerOrderNumber(), shipment.carrier(), shipment.trackingNumber(),
                shipment.shippedAt().atZone(ZoneOffset.UTC), packages);
    }

    private static DespatchAdvice.Item item(int lineNo, String sku, long quantity,
            Map<String, OrderAnswers.ArticleNumber> numbers) {
        OrderAnswers.ArticleNumber number = numbers.get(sku);
        return new DespatchAdvice.Item(lineNo, number.number(), number.kind(), quantity);
    }

    private String sscc() {
        return DespatchAdvice.sscc(companyPrefix, messages.nextSsccSerial());
    }
}
