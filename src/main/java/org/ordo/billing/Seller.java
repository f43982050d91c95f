package org.ordo.billing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who issues Ordo's documents: printed on every PDF and required in e-invoices (EN 16931: seller name, address,
 * VAT id, payment account, contact). Set by {@code ORDO_SELLER_*} (see application.properties and docs/configuration.md);
 * the defaults describe a demo company and must be replaced before real invoices go out.
 *
 * @param name legal name
 * @param street street and house number
 * @param postalCode postal code
 * @param city city
 * @param country ISO 3166-1 alpha-2 country code
 * @param vatId VAT identification number (e.g. DE123456789)
 * @param iban account for payments by transfer
 * @param bic the bank's BIC; optional
 * @param contact a person or department to ask
 * @param phone the contact's phone number
 * @param email the contact's e-mail address, also the seller's electronic address in e-invoices
 */
@ConfigurationProperties("ordo.seller")
public record Seller(
        @DefaultValue("Ordo Demo GmbH") String name,
        @DefaultValue("Musterstraße 1") String street,
        @DefaultValue("10115") String postalCode,
        @DefaultValue("Berlin") String city,
        @DefaultValue("DE") String country,
        @DefaultValue("DE123456789") String vatId,
        @DefaultValue("DE02120300000000202051") String iban,
        @DefaultValue("BYLADEM1001") String bic,
        @DefaultValue("Accounts receivable") String contact,
        @DefaultValue("+49 30 1234567") String phone,
        @DefaultValue("billing@ordo.example") String email) {

    /** Name and address, for the top of a document. */
    public List<String> letterhead() {
        return List.of(name, street, postalCode + " " + city + " · " + country);
    }

    /** Lines for the bottom of every page: name and address, VAT id, bank account, contact. */
    public List<String> footer(org.ordo.platform.TextBundle.Texts texts) {
        List<String> lines = new ArrayList<>();
        lines.add(name + " · " + street + " · " + postalCode + " " + city + " · "
                + texts.render("document.seller.vat-id", java.util.Map.of("vatId", vatId)));
        lines.add(texts.render("document.seller.bank", java.util.Map.of("iban", iban,
                "bic", bic == null || bic.isBlank() ? "" : " · BIC " + bic)) + " · "
                + texts.render("document.seller.contact", java.util.Map.of("phone", phone, "email", email)));
        return lines;
    }
}
