/**
 * Billing documents: invoices and credit notes with gap-free numbers per series and year, and every document
 * Ordo hands out (order confirmation, invoice, credit note and quote PDFs; for business customers the ZUGFeRD PDF
 * and the XRechnung XML), rendered once and stored for identical downloads. An order is invoiced once it has
 * shipped (or once it is paid, if so configured); cancelling an invoiced order or refunding it issues a credit
 * note. Quotes are priced like orders, numbered the same way, sent with their PDF, and accepted into an order
 * ({@link org.ordo.billing.QuoteManagement}). The API is {@link org.ordo.billing.Billing} and
 * {@link org.ordo.billing.DocumentArchive}.
 */
package org.ordo.billing;
