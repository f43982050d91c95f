package org.ordo.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The languages customers and staff speak: German, English, Spanish and Korean. */
public final class Locales {

    public static final List<String> SUPPORTED = List.of("de", "en", "es", "ko");
    public static final String FALLBACK = "en";
    private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());

    private Locales() {
    }

    public static boolean isSupported(String locale) {
        return locale != null && SUPPORTED.contains(locale);
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /** The text in {@code locale}, else English, else any. */
    public static String pick(Map<String, String> texts, String locale) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        String text = texts.get(locale);
        if (text == null) {
            text = texts.get(FALLBACK);
        }
        return text != null ? text : texts.values().iterator().next();
    }
}
