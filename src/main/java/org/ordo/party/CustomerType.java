package org.ordo.party;

/** Consumers get consumer documents; businesses may get e-invoices and payment terms. */
public enum CustomerType {
    CONSUMER, BUSINESS
}
