package org.ordo.backoffice.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.PreconditionException;
import org.ordo.platform.Wording;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Why the services refused, said in the reader's language: each field by its name on the screen ("Zeile 2 ›
 * Menge", from {@code messages/problems/fields_*}), each sentence from its {@link Wording}. A sentence Ordo did not
 * write itself (a parser's) stays as it came.
 */
final class Refusals {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)(?:\\[(\\d+)])?");

    private Refusals() {
    }

    /** Every invalid field, "field: why", joined by "; ". */
    static String of(InvalidInputException e) {
        return of(e.errors());
    }

    static String of(List<FieldError> errors) {
        return of(errors, LocaleContextHolder.getLocale());
    }

    private static String of(List<FieldError> errors, Locale locale) {
        return errors.stream().map(f -> of(f, locale)).collect(Collectors.joining("; "));
    }

    static String of(FieldError f) {
        return of(f, LocaleContextHolder.getLocale());
    }

    private static String of(FieldError f, Locale locale) {
        return field(f.field(), locale) + ": " + sentence(f, locale);
    }

    /** Why the field is refused, without its name. */
    static String sentence(FieldError f, Locale locale) {
        return f.wording() == null ? f.message() : f.wording().in(locale);
    }

    /** A refusal of another kind (a state that forbids it, a thing that does not exist), or its English text. */
    static String of(RuntimeException e) {
        return of(e, LocaleContextHolder.getLocale());
    }

    static String of(RuntimeException e, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return of(invalid.errors(), locale);
        }
        Wording wording = e instanceof ConflictException c ? c.wording()
                : e instanceof NotFoundException n ? n.wording()
                : e instanceof PreconditionException p ? p.wording() : null;
        return wording == null ? e.getMessage() : wording.in(locale);
    }

    /** A sentence Ordo wrote, in the reader's language. */
    static String of(Wording wording) {
        return wording.in(LocaleContextHolder.getLocale());
    }

    /** {@code lines[1].quantity} as "Line 2 › Quantity"; a name without an entry stays as written. */
    static String field(String path, Locale locale) {
        if (path == null || path.isBlank()) {
            return String.valueOf(path);
        }
        List<String> shown = new ArrayList<>();
        for (String part : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return path;
            }
            String name = label(m.group(1), locale);
            shown.add(m.group(2) == null ? name : name + " " + (Long.parseLong(m.group(2)) + 1));
        }
        return String.join(" › ", shown);
    }

    private static String label(String name, Locale locale) {
        String label = Wording.pattern("fields." + name, locale);
        if (label == null) {
            label = Wording.pattern("fields." + name, Locale.ENGLISH);
        }
        return label == null ? name : label;
    }
}
