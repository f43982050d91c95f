package org.ordo.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.ordo.billing.DocumentArchive;
import org.ordo.billing.DocumentKind;
import org.ordo.billing.Seller;
import org.ordo.billing.StoredDocument;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.Address;
import org.ordo.platform.TextBundle;
import org.ordo.platform.pdf.PdfDocument;
import org.ordo.platform.pdf.PdfDocument.Column;
import org.ordo.platform.pdf.PdfDocument.Field;
import org.ordo.platform.security.TrackingTokens;
import org.ordo.shipping.Shipment;
import org.ordo.shipping.ShippingManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The packing slip of a shipment, in the customer's language: what is in the parcel, and a return section with
 * the order number, the return link (the order's page behind its unguessable token, as a link and a QR code),
 * the return address and the policy in one sentence. A print of the shipment, not a legal record: rendered the first
 * time someone asks for it and kept from then on with the order's documents (kind PACKING_SLIP), so every later
 * download and reprint gives the same bytes. Shipping renders nothing: most slips are never asked for again, and
 * rendering one per shipment was the largest part of a busy day's (and the demo's) CPU.
 */
@Service
public class PackingSlips {

    private final ShippingManagement shipping;
    private final OrderManagement orders;
    private final TrackingTokens tracking;
    private final Seller seller;
    private final ReturnPolicy policy;
    private final TextBundle texts;
    private final String publicUrl;
    private final DocumentArchive archive;

    PackingSlips(ShippingManagement shipping, OrderManagement orders, TrackingTokens tracking, Seller seller,
            ReturnPolicy policy, TextBundle texts, DocumentArchive archive,
            @Value("${ordo.notification.public-url:http://localhost:8080}") String publicUrl) {
        this.archive = archive;
        this.shipping = shipping;
        this.orders = orders;
        this.tracking = tracking;
        this.seller = seller;
        this.policy = policy;
        this.texts = texts;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Where the customer starts a return of this order: its page, behind the order's token. */
    public String returnLink(UUID orderId) {
        return publicUrl + "/track/" + tracking.token(orderId);
    }

    /**
     * The packing slip of a shipment as kept with its order's documents (number {@code PS-<shipment id>}), rendered
     * and stored the first time it is asked for; 404 when there is no such shipment.
     */
    public StoredDocument.File stored(UUID shipmentId) {
        String number = "PS-" + shipmentId;
        if (archive.find(DocumentKind.PACKING_SLIP, number).isEmpty()) {
            Shipment shipment = shipping.requireShipment(shipmentId);
            OrderView order = orders.require(shipment.orderId());
            archive.store(DocumentKind.PACKING_SLIP, order.id(), number, order.customer().locale(),
                    "application/pdf", "packing-slip-" + order.number() + "-" + shipmentId.toString().substring(0, 8)
                            + ".pdf", render(shipmentId));
        }
        return archive.file(DocumentArchive.idOf(DocumentKind.PACKING_SLIP, number));
    }

    /** The packing slip of a shipment as a PDF, rendered now; 404 when there is no such shipment. */
    public byte[] render(UUID shipmentId) {
        Shipment shipment = shipping.requireShipment(shipmentId);
        OrderView order = orders.require(shipment.orderId());
        TextBundle.Texts t = texts.in(order.customer().locale());
        String link = returnLink(order.id());
        String title = t.text("packing-slip.title");
        List<List<String>> rows = new ArrayList<>();
        for (Shipment.Line line : shipment.lines()) {
            String name = order.lines().stream().filter(l -> l.lineNo() == line.lineNo()).map(OrderView.Line::name)
                    .findFirst().orElse("");
            rows.add(List.of(String.valueOf(line.lineNo()), name, line.sku(), t.number(line.quantity())));
        }
        List<Field> details = new ArrayList<>(List.of(new Field(t.text("packing-slip.order"), order.number()),
                new Field(t.text("packing-slip.shipped"), t.date(shipment.shippedAt())),
                new Field(t.text("packing-slip.carrier"), shipment.carrier())));
        if (shipment.trackingNumber() != null) {
            details.add(new Field(t.text("packing-slip.tracking"), shipment.trackingNumber()));
        }
        String address = String.join(", ", seller.name(), seller.street(), seller.postalCode() + " " + seller.city(),
                seller.country());
        return new PdfDocument(new PdfDocument.Info(UUID.nameUUIDFromBytes(("packing-slip:" + shipmentId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), title + " " + order.number(), seller.name(),
                shipment.shippedAt(), t.locale().toLanguageTag()))
                .letterhead(seller.letterhead())
                .title(title)
                .addresses(lines(order.shippingAddress(), order.customer().name()), details)
                .table(List.of(Column.right(t.text("packing-slip.line"), 0.6),
                        Column.left(t.text("packing-slip.article"), 4.6),
                        Column.left(t.text("packing-slip.sku"), 2),
                        Column.right(t.text("packing-slip.quantity"), 1)), rows)
                .space(12)
                .heading(t.text("packing-slip.return.heading"))
                .paragraph(t.render("packing-slip.return.link", Map.of("number", order.number(), "link", link)))
                .modules(qrCode(link), 112)
                .paragraph(t.render("packing-slip.return.address", Map.of("address", address)))
                .paragraph(t.render("packing-slip.return.policy", Map.of("days",
                        String.valueOf(policy.windowDays()))))
                .footer(seller.footer(t), t.text("document.page"))
                .toBytes();
    }

    /**
     * The QR code of a text: dark and light modules, with the quiet zone of four light modules around it that the QR
     * standard asks for (ISO/IEC 18004); with one, a reader could take the slip's text beside it for part of the code.
     */
    static final int QUIET_ZONE = 4;

    static boolean[][] qrCode(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
            boolean[][] dark = new boolean[matrix.getHeight()][matrix.getWidth()];
            for (int row = 0; row < dark.length; row++) {
                for (int column = 0; column < dark[row].length; column++) {
                    dark[row][column] = matrix.get(column, row);
                }
            }
            return dark;
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode as a QR code: " + text, e);
        }
    }

    private static List<String> lines(Address a, String name) {
        List<String> lines = new ArrayList<>();
        if (a == null) {
            lines.add(name);
            return lines;
        }
        lines.add(a.name() != null && !a.name().isBlank() ? a.name() : name);
        if (a.company() != null && !a.company().isBlank()) {
            lines.add(a.company());
        }
        lines.add(a.street());
        if (a.street2() != null && !a.street2().isBlank()) {
            lines.add(a.street2());
        }
        lines.add((a.postalCode() == null ? "" : a.postalCode() + " ") + a.city());
        lines.add(a.country());
        return lines;
    }
}
