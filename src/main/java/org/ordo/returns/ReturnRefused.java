package org.ordo.returns;

import java.util.ArrayList;
import java.util.List;

import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;

/**
 * A return request refused for what it says (422): the API's problem names each field with its {@link Wording}
 * (English in the API), and each {@link Refusal} carries the same fault as a kind with its values, so that the
 * customer's form can say it in the customer's own words.
 */
public class ReturnRefused extends InvalidInputException {

    /** What is wrong with one field; {@code args} fill the text of its kind. */
    public record Refusal(String field, Kind kind, List<Object> args) {
    }

    /** The faults a return request can have that a customer can mend on the form. */
    public enum Kind {
        IBAN, TEXT, NO_LINES, NO_SUCH_LINE, LINE_TWICE, REASON, NOTE_FOR_OTHER, QUANTITY, DIGITAL, NOT_RETURNABLE,
        TOO_MANY, OUTSIDE_WINDOW, EXCHANGE_MISSING, EXCHANGE_SKU, EXCHANGE_QUANTITY, EXCHANGE_ARTICLE, OTHER
    }

    private final List<Refusal> refusals;

    private ReturnRefused(List<FieldError> errors, List<Refusal> refusals) {
        super(errors);
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    /** Collects the faults of one request, in the order found. */
    public static final class Faults {

        private final List<FieldError> errors = new ArrayList<>();
        private final List<Refusal> refusals = new ArrayList<>();

        /** A fault of {@code field}: its wording (English for the API), its kind and values for the form. */
        public void add(String field, Kind kind, Wording wording, Object... args) {
            add(new FieldError(field, wording), kind, args);
        }

        /** A fault another check found, kept with its wording. */
        public void add(FieldError error, Kind kind, Object... args) {
            errors.add(error);
            refusals.add(new Refusal(error.field(), kind, List.of(args)));
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        public ReturnRefused refused() {
            return new ReturnRefused(errors, refusals);
        }

        /** Throws the faults collected so far, if any. */
        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw refused();
            }
        }
    }
}
