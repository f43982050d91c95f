package org.ordo.ordering;

/** Why an order is held back from the warehouse. */
public enum HoldKind {
    /** suspected fraud, e.g. a large first order */
    FRAUD,
    /** the address needs checking, e.g. billing and shipping countries differ */
    ADDRESS,
    /** waiting for a payment question to be settled */
    PAYMENT,
    /** held by a person for any other reason */
    MANUAL
}
