-- reporting: its own table for the share shipped on time (ADR 0004). One row per shipped order: its first
-- shipment (earliest shipped_at, then lowest shipment id) and the date promised for it. Fed by shipping's
-- ShipmentShipped event (reporting.internal.FirstShipmentFeed); the primary key makes a redelivered or late event
-- change nothing unless it names an earlier shipment. The UTC day and whether it was on time are derived here,
-- once per row, so that the figure is a count over an index in day order.
CREATE TABLE first_shipment (
    order_id    uuid        PRIMARY KEY,
    shipment_id uuid        NOT NULL,
    shipped_at  timestamptz NOT NULL,
    promised_at timestamptz NOT NULL,
    shipped_on  date        NOT NULL GENERATED ALWAYS AS (CAST(shipped_at AT TIME ZONE 'UTC' AS date)) STORED,
    on_time     boolean     NOT NULL GENERATED ALWAYS AS (shipped_at <= promised_at) STORED
);

-- Shipped on time per day: a range of days read from the index alone, already grouped by day (no sort).
CREATE INDEX first_shipment_day_idx ON first_shipment (shipped_on, on_time);

-- The orders shipped before this table existed, so that the figure stays what it was; written in the order they
-- shipped, as the events add them later, so that a range of days is a compact range of the table.
INSERT INTO first_shipment (order_id, shipment_id, shipped_at, promised_at)
SELECT * FROM (
    SELECT DISTINCT ON (s.order_id) s.order_id, s.id, s.shipped_at, o.promised_at
    FROM shipment s JOIN customer_order o ON o.id = s.order_id
    ORDER BY s.order_id, s.shipped_at, s.id) AS first
ORDER BY shipped_at;

-- The dashboard no longer reads shipment; its index for that query (V20) only slowed down shipping.
DROP INDEX IF EXISTS shipment_shipped_at_idx;

-- Orders per UTC day and channel: without statistics on the day expression PostgreSQL takes every order of the
-- window for its own day, sorts them all (spilling to disk at 80,000 orders) and groups them; knowing there is
-- one day per day, it counts them in a small hash table instead (185 ms down to 49 ms for 30 days at 1,000,000
-- orders on a loaded machine).
CREATE STATISTICS customer_order_created_day_stats ON (CAST(created_at AT TIME ZONE 'UTC' AS date))
    FROM customer_order;
ANALYZE customer_order;
