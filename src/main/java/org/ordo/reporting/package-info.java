/**
 * Reporting: the figures of the dashboard (orders per day and channel, the backlog by status and age, late
 * orders, articles running low; for the back office's dashboard also the share shipped on time and what became
 * of the orders: returned, refunded, cancelled). It reads the order and stock tables directly, read-only, with
 * queries that indexes keep fast at millions of orders (see docs/adr/0003-reporting-reads-order-and-stock-tables.md),
 * so it can be pointed at a replica. The share shipped on time comes from its own table, {@code first_shipment},
 * fed by shipping's {@code ShipmentShipped} event (docs/adr/0004-shipped-on-time-from-reportings-own-table.md).
 * The API is {@link org.ordo.reporting.Reports}.
 */
package org.ordo.reporting;
