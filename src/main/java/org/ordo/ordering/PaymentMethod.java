package org.ordo.ordering;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the customer pays. Invoice and cash on delivery may ship before payment where terms allow. */
public enum PaymentMethod {
    PREPAYMENT, CARD, WALLET, PAYPAL, INVOICE, CASH_ON_DELIVERY, MARKETPLACE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentMethod parse(String code) {
        return code == null ? null : Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst()
                .orElse(null);
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(PaymentMethod::code).toList();
    }
}
