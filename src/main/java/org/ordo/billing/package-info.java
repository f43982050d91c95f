/**
 * Billing documents: invoices and credit notes with gap-free numbers per series and year, and every document
 * Ordo hands out (order confirmation, invoice and credit note PDFs; for business customers the ZUGFeRD PDF and
 * the XRechnung XML), rendered once after the change that issued it and stored for identical downloads. An
 * order is invoiced once it has shipped (or once it is paid, if so configured); cancelling an invoiced order or
 * refunding it issues a credit note. Quotes come later. The API is {@link org.ordo.billing.Billing} and
 * {@link org.ordo.billing.DocumentArchive}.
 */
package org.ordo.billing;
