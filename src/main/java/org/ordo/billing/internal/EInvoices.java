package org.ordo.billing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;

import org.mustangproject.BankDetails;
import org.mustangproject.Contact;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;
import org.ordo.billing.Invoice;
import org.ordo.billing.Seller;
import org.ordo.party.Customer;
import org.ordo.platform.Address;
import org.ordo.platform.Money;
import org.springframework.stereotype.Component;

/**
 * EN 16931 e-invoices for business customers, written by Mustang: the XRechnung (UN/CEFACT CII syntax) XML, and
 * the ZUGFeRD/Factur-X PDF/A-3 (profile EN 16931) that embeds the same data as {@code factur-x.xml} in the
 * invoice PDF. The seller comes from {@link Seller}; the buyer from the invoice's billing address and the
 * customer's VAT id. Payment is due {@link #PAYMENT_TERM} after the invoice date.
 */
@Component
public class EInvoices {

    static final Duration PAYMENT_TERM = Duration.ofDays(14);
    private static final String PIECE = "C62"; // UN/ECE Recommendation 20: "one", a piece

    private final Seller seller;

    public EInvoices(Seller seller) {
        this.seller = seller;
    }

    /** The XRechnung CII XML of an invoice. */
    public byte[] xrechnung(Invoice invoice, Customer buyer) {
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName("XRechnung"));
        provider.generateXML(transaction(invoice, buyer));
        return provider.getXML();
    }

    /** The invoice PDF (PDF/A-3, as {@link DocumentRenderer} writes it) with the Factur-X XML embedded. */
    public byte[] zugferd(byte[] invoicePdf, Invoice invoice, Customer buyer) {
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            exporter.setProducer("Ordo").setCreator(seller.name()).setProfile(Profiles.getByName("EN16931"))
                    .load(invoicePdf);
            exporter.setTransaction(transaction(invoice, buyer));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ZUGFeRD invoice " + invoice.number(), e);
        }
    }

    private org.mustangproject.Invoice transaction(Invoice invoice, Customer buyer) {
        Date issued = Date.from(invoice.issuedAt());
        TradeParty sender = new TradeParty(seller.name(), seller.street(), seller.postalCode(), seller.city(),
                seller.country())
                .addVATID(seller.vatId())
                .setContact(new Contact(seller.contact(), seller.phone(), seller.email()))
                .setEmail(seller.email());
        sender.addBankDetails(seller.bic() == null || seller.bic().isBlank() ? new BankDetails(seller.iban())
                : new BankDetails(seller.iban(), seller.bic()));
        Address a = invoice.billingAddress();
        String buyerName = a != null && a.company() != null && !a.company().isBlank() ? a.company()
                : buyer != null && buyer.company() != null && !buyer.company().isBlank() ? buyer.company()
                : invoice.customerName();
        TradeParty recipient = new TradeParty(buyerName, a == null ? null : a.street(),
                a == null ? null : a.postalCode(), a == null ? null : a.city(), a == null ? null : a.country())
                .setEmail(invoice.customerEmail());
        if (buyer != null && buyer.vatId() != null && !buyer.vatId().isBlank()) {
            recipient.addVATID(buyer.vatId());
        }
        org.mustangproject.Invoice transaction = new org.mustangproject.Invoice()
                .setNumber(invoice.number())
                .setIssueDate(issued)
                .setDeliveryDate(issued)
                .setDueDate(Date.from(invoice.issuedAt().plus(PAYMENT_TERM)))
                .setCurrency(invoice.currency())
                .setReferenceNumber(invoice.orderNumber())
                .setSellerOrderReferencedDocumentID(invoice.orderNumber())
                .setPaymentTermDescription("Due within " + PAYMENT_TERM.toDays() + " days, quoting "
                        + invoice.number())
                .setSender(sender)
                .setRecipient(recipient);
        for (Invoice.Line line : invoice.lines()) {
            Product product = new Product(line.name(), line.sku() == null ? "" : line.sku(), PIECE,
                    line.taxRate());
            transaction.addItem(new Item(product, unitNet(line.net(), line.quantity()),
                    BigDecimal.valueOf(line.quantity())));
        }
        return transaction;
    }

    /** The net price of one piece, to four decimals so that quantity times price gives the line's net again. */
    private static BigDecimal unitNet(Money net, long quantity) {
        return net.amount().divide(BigDecimal.valueOf(Math.max(1, quantity)), 4, Money.ROUNDING);
    }
}
