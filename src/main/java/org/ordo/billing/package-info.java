/**
 * Billing documents: invoices with gap-free numbers per series and year. An order is invoiced once it has
 * shipped (or once it is paid, if so configured). PDFs, credit notes, e-invoices and quotes come later.
 * The API is {@link org.ordo.billing.Billing}.
 */
package org.ordo.billing;
