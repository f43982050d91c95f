package org.ordo.backoffice;

import java.util.Locale;

import org.ordo.platform.Wording;

/**
 * The name a refused field has on a page in {@code locale}, as the back office looks it up (bundle {@code fields},
 * English where the language lacks it, the field's own name where no bundle has it), so that a test of a refusal
 * can expect "field: why" without writing the label table twice.
 */
final class FieldLabels {

    private FieldLabels() {
    }

    static String of(String field, Locale locale) {
        String label = Wording.pattern("fields." + field, locale);
        if (label == null) {
            label = Wording.pattern("fields." + field, Locale.ENGLISH);
        }
        return label == null ? field : label;
    }
}
