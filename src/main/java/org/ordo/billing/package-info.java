/**
 * Billing documents: invoices with gap-free numbers per series and year. An order is invoiced once it has
 * shipped (or once it is paid, if so configured). Quotes are priced like orders, numbered the same way, sent,
 * and accepted into an order ({@link org.ordo.billing.QuoteManagement}). PDFs, credit notes and e-invoices come
 * later. The API is {@link org.ordo.billing.Billing}.
 */
package org.ordo.billing;
