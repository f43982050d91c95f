package org.ordo.platform;

import java.util.Map;

/**
 * The one answer to a change the current state does not allow (409 {@code illegal-transition}): a shipped order
 * cancelled, a return approved twice, a quote accepted after it expired. Every module builds it here, so the
 * problem type, its title and the wording of "is X and cannot become Y" stay the same everywhere.
 */
public class IllegalTransition extends ConflictException {

    public static final String TYPE = "illegal-transition";

    public IllegalTransition(String title, String detail, Map<String, Object> properties) {
        super(TYPE, title, detail, properties);
    }

    public IllegalTransition(String title, String detail) {
        this(title, detail, Map.of());
    }

    public IllegalTransition(String title, Wording detail, Map<String, Object> properties) {
        super(TYPE, title, detail, properties);
    }

    public IllegalTransition(String title, Wording detail) {
        this(title, detail, Map.of());
    }

    /**
     * "{@code subject} is {@code from} and cannot become {@code to}", with the current state as the problem's
     * {@code stateProperty} (e.g. {@code paymentStatus}), for a move its lifecycle's table refuses. The states are
     * said as a person would ("on hold"), in the reader's language.
     */
    public static IllegalTransition between(Wording subject, Enum<?> from, Enum<?> to, String stateProperty) {
        return new IllegalTransition("Illegal transition",
                Wording.of("platform.illegal_transition", subject, Wording.state(from), Wording.state(to)),
                Map.of(stateProperty, from));
    }
}
