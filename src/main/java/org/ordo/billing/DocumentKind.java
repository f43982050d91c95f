package org.ordo.billing;

/** What a stored document is; each kind has its own numbers (an invoice's XRechnung shares the invoice number). */
public enum DocumentKind {
    CONFIRMATION, INVOICE, CREDIT_NOTE, XRECHNUNG, ZUGFERD, QUOTE, PICK_LIST, PURCHASE_ORDER, PACKING_SLIP
}
