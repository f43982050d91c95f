package org.ordo.backoffice.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What a form chose, carried in the query of the redirect back to its screen (e.g. the warehouse shown). */
final class Redirects {

    /** Longer than any code, number or SKU Ordo keeps: what was typed into a form, not chosen. */
    static final int MAX_VALUE = 200;

    private Redirects() {
    }

    /**
     * The value encoded for a redirect's query; empty when it is longer than {@link #MAX_VALUE}: echoed, it would
     * overflow the redirect's headers (a 500 instead of the screen), and the screen without it shows the refusal.
     */
    static String query(String value) {
        return value == null || value.length() > MAX_VALUE ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
