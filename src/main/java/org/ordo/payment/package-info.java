/**
 * Payments of orders: bank transfers marked by an agent or imported from a bank statement, card and wallet
 * payments through a provider whose signed webhooks authorize, capture and refund, and voids and refunds on
 * cancellation; a dearer exchange replacement's difference charged off-session to the card the provider saved. It
 * tells ordering what was paid; ordering decides about release. The API is
 * {@link org.ordo.payment.PaymentManagement}.
 */
package org.ordo.payment;
