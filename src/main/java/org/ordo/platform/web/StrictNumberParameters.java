package org.ordo.platform.web;

import java.beans.PropertyEditorSupport;

import org.ordo.platform.Numbers;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers in query, path and form parameters (and headers bound to numbers) are read by {@link Numbers#whole}
 * (invariant 8 in docs/design.md): ASCII digits with an optional minus sign, exactly as written. Spring's own
 * conversion would take {@code ٣} or full-width {@code ３} as 3 (through {@code Integer.decode}), {@code 0x10} as 16
 * and {@code 1 2} as 12; what is not such a number fails the parameter's binding: the API answers 400 naming the
 * parameter, a back-office form its error. These are editors, not converters: a binder falls back to its default
 * editors (which read {@code ٣} as 3) when a converter refuses, but not past an editor of its own.
 */
@ControllerAdvice
class StrictNumberParameters {

    @InitBinder
    void strictNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new Whole(Long.MIN_VALUE, Long.MAX_VALUE, false, false));
        binder.registerCustomEditor(Long.class, new Whole(Long.MIN_VALUE, Long.MAX_VALUE, true, false));
        binder.registerCustomEditor(int.class, new Whole(Integer.MIN_VALUE, Integer.MAX_VALUE, false, true));
        binder.registerCustomEditor(Integer.class, new Whole(Integer.MIN_VALUE, Integer.MAX_VALUE, true, true));
    }

    /** A whole number within [min, max]; empty is null where the type allows it (a wrapper), refused otherwise. */
    private static final class Whole extends PropertyEditorSupport {

        private final long min;
        private final long max;
        private final boolean emptyIsNull;
        private final boolean asInt;

        Whole(long min, long max, boolean emptyIsNull, boolean asInt) {
            this.min = min;
            this.max = max;
            this.emptyIsNull = emptyIsNull;
            this.asInt = asInt;
        }

        @Override
        public void setAsText(String text) {
            if ((text == null || text.isEmpty()) && emptyIsNull) {
                setValue(null);
                return;
            }
            Long value = Numbers.wholeOrNull(text);
            if (value == null || value < min || value > max) {
                throw new IllegalArgumentException("not a whole number written in ASCII digits: " + text);
            }
            setValue(asInt ? Integer.valueOf(value.intValue()) : value);
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
