package org.ordo.ordering;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where an order came from. The shop platforms' channels take orders by their webhooks (docs/channels.md). */
public enum Channel {
    WEB, API, MARKETPLACE, EDI, EMAIL, PHONE, SHOPIFY, WOOCOMMERCE, SHOPWARE, FILE,
    /** a paper or fax scan uploaded over HTTP (docs/intake.md), confirmed by a person from its review entry */
    PAPER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel parse(String code) {
        return code == null ? null : Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst()
                .orElse(null);
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Channel::code).toList();
    }
}
