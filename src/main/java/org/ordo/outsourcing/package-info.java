/**
 * Outsourced fulfilment: locations that Ordo allocates to but does not pick at, because a third-party warehouse
 * (3PL) or a supplier shipping straight to the customer (dropship) does. Each order's share at such a location is
 * sent to the partner as a signed fulfilment request through an outbox with retries; the partner's shipment reports
 * become ordinary shipments (tracking mail, invoice) and its stock reports reconcile the stock ledger. The API is
 * {@link org.ordo.outsourcing.OutsourcingManagement}; docs/outsourced-fulfilment.md describes it for users.
 */
package org.ordo.outsourcing;
