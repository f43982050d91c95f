-- P3 data: :n orders written set-based through Ordo's own schema, consistent with its invariants, so that the
-- queue, order detail and dashboard can be timed at scale. Run by bench/p3.sh as
--   psql -v n=1000000 -v prefix=P3-123- -v nskus=200 -v loc=LOCATION-UUID -f bench/p3-generate.sql
-- after the SKUs :prefix0000.. exist (through the API) with plenty of stock received at :loc.
-- Orders are spread evenly over the last 365 days, oldest first, 1 to 3 lines of one unit each:
--   older than 10 days: 95 % COMPLETED (paid, shipped), 5 % CANCELLED, and every 200th still OPEN (late);
--   last 10 days: 60 % OPEN, 5 % ON_HOLD, 30 % COMPLETED, 5 % CANCELLED.
-- Open and held orders hold their stock as Ordo would: reserved lines, ACTIVE reservations, a RESERVATION
-- movement each in the ledger and the levels raised to match. Completed and cancelled orders hold no stock
-- (their earlier reservations and issues are not generated: the levels still equal the ledger's sums).
-- Every order has its first timeline entry, completed and cancelled ones a second; completed ones a shipment,
-- which reporting's first_shipment table records as the migration V21 would.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET work_mem = '64MB';

\echo customers
INSERT INTO customer (id, email, name, locale, created_at, updated_at)
SELECT md5(:'prefix' || 'c' || c)::uuid, lower(:'prefix') || 'customer' || c || '@example.com', 'P3 Customer ' || c,
       (ARRAY['de', 'en', 'es', 'ko'])[1 + c % 4], now() - interval '400 days', now() - interval '400 days'
FROM generate_series(0, 19999) c;

\echo orders
CREATE TEMP TABLE p3 AS
SELECT g,
       md5(:'prefix' || g)::uuid AS id,
       now() - (:n - g) * (interval '365 days' / :n) AS created_at,
       1 + g % 3 AS lines,
       CASE WHEN (:n - g) * 365.0 / :n > 10 THEN
                CASE WHEN g % 200 = 0 THEN 'OPEN' WHEN g % 20 = 1 THEN 'CANCELLED' ELSE 'COMPLETED' END
            ELSE CASE WHEN g % 20 < 12 THEN 'OPEN' WHEN g % 20 = 12 THEN 'ON_HOLD'
                      WHEN g % 20 = 13 THEN 'CANCELLED' ELSE 'COMPLETED' END
       END AS status
FROM generate_series(1, :n) g;

INSERT INTO customer_order (id, number, channel, external_ref, customer_id, customer_email, customer_name, locale,
    currency, payment_method, status, payment_status, fulfillment_status, shipping_address, billing_address,
    net, tax, gross, note, promised_at, inbound_document_id, created_by, created_at, updated_at,
    hold_kind, hold_reason, released_at, paid)
SELECT p.id, :'prefix' || p.g,
       (ARRAY['web', 'web', 'web', 'api', 'marketplace', 'marketplace', 'edi', 'email', 'phone'])[1 + (p.g / 7) % 9],
       :'prefix' || 'REF-' || p.g, md5(:'prefix' || 'c' || p.g % 20000)::uuid,
       lower(:'prefix') || 'customer' || p.g % 20000 || '@example.com', 'P3 Customer ' || p.g % 20000,
       (ARRAY['de', 'en', 'es', 'ko'])[1 + (p.g % 20000) % 4], 'EUR', 'card', p.status,
       CASE p.status WHEN 'COMPLETED' THEN 'PAID' ELSE 'PENDING' END,
       CASE p.status WHEN 'COMPLETED' THEN 'SHIPPED' ELSE 'UNFULFILLED' END,
       '{"name":"P3 Customer","street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"}',
       '{"name":"P3 Customer","street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"}',
       9.99 * p.lines, 1.90 * p.lines, 11.89 * p.lines, NULL, p.created_at + interval '2 days', NULL, 'bench/p3',
       p.created_at, p.created_at,
       CASE p.status WHEN 'ON_HOLD' THEN 'MANUAL' END, CASE p.status WHEN 'ON_HOLD' THEN 'generated' END,
       CASE p.status WHEN 'COMPLETED' THEN p.created_at + interval '1 hour' END,
       CASE p.status WHEN 'COMPLETED' THEN 11.89 * p.lines ELSE 0 END
FROM p3 p;

\echo lines
INSERT INTO order_line (order_id, line_no, sku, name, type, quantity, unit_price, tax_rate, price_includes_tax,
    net, tax, gross, reserved, backordered, shipped)
SELECT p.id, l, :'prefix' || lpad(((p.g * 7 + l * 13) % :nskus)::text, 4, '0'), 'P3 article', 'PHYSICAL', 1,
       9.99, 19, false, 9.99, 1.90, 11.89,
       CASE WHEN p.status IN ('OPEN', 'ON_HOLD') THEN 1 ELSE 0 END, 0,
       CASE p.status WHEN 'COMPLETED' THEN 1 ELSE 0 END
FROM p3 p CROSS JOIN LATERAL generate_series(1, p.lines) l;

\echo timeline
INSERT INTO order_timeline (order_id, at, actor, dimension, from_status, to_status, reason)
SELECT p.id, p.created_at, 'bench/p3', 'order', NULL, 'OPEN', 'placed via api' FROM p3 p
UNION ALL
SELECT p.id, p.created_at + interval '1 hour', 'bench/p3', 'order', 'OPEN', p.status, 'generated'
FROM p3 p WHERE p.status <> 'OPEN';

\echo reservations
CREATE TEMP TABLE p3_held AS
SELECT gen_random_uuid() AS rid, l.order_id, l.line_no, l.sku, p.created_at, o.number
FROM p3 p JOIN order_line l ON l.order_id = p.id JOIN customer_order o ON o.id = p.id
WHERE p.status IN ('OPEN', 'ON_HOLD');

INSERT INTO reservation (id, order_id, line_no, sku, location_id, quantity, status, created_at)
SELECT rid, order_id, line_no, sku, CAST(:'loc' AS uuid), 1, 'ACTIVE', created_at FROM p3_held;

INSERT INTO stock_movement (sku, location_id, kind, on_hand_delta, reserved_delta, reason, document_type,
    document_ref, actor, at)
SELECT sku, CAST(:'loc' AS uuid), 'RESERVATION', 0, 1, 'reserved for order ' || number, 'ORDER', order_id::text,
       'bench/p3', created_at
FROM p3_held ORDER BY sku, created_at;

UPDATE stock_level s SET reserved = s.reserved + h.quantity, updated_at = now()
FROM (SELECT sku, count(*) AS quantity FROM p3_held GROUP BY sku) h
WHERE s.sku = h.sku AND s.location_id = CAST(:'loc' AS uuid);

\echo shipments
-- One shipment per completed order, for the dashboard's share shipped on time: the day after it was placed (the
-- promise is two days after), every tenth three days after (late). No shipment lines: only the dashboard reads them.
INSERT INTO shipment (id, order_id, location, carrier, service, tracking_number, tracking_url, status, shipped_at,
    delivered_at, created_by)
SELECT md5(:'prefix' || 's' || p.g)::uuid, p.id, 'P3A', 'DHL', 'Paket', :'prefix' || 'T' || p.g,
       'https://www.dhl.de/?piececode=' || :'prefix' || 'T' || p.g, 'DELIVERED',
       p.created_at + CASE WHEN p.g % 10 = 0 THEN interval '3 days' ELSE interval '1 day' END,
       p.created_at + interval '4 days', 'bench/p3'
FROM p3 p WHERE p.status = 'COMPLETED';

\echo first shipments
-- Reporting's table of first shipments (ADR 0004), filled from the shipments with the statement of
-- V21__reporting_first_shipments.sql, as a database migrated with shipments in it would be.
INSERT INTO first_shipment (order_id, shipment_id, shipped_at, promised_at)
SELECT * FROM (
    SELECT DISTINCT ON (s.order_id) s.order_id, s.id, s.shipped_at, o.promised_at
    FROM shipment s JOIN customer_order o ON o.id = s.order_id
    ORDER BY s.order_id, s.shipped_at, s.id) AS first
ORDER BY shipped_at;

\echo vacuum
VACUUM ANALYZE shipment;
VACUUM ANALYZE first_shipment;
VACUUM ANALYZE customer;
VACUUM ANALYZE customer_order;
VACUUM ANALYZE order_line;
VACUUM ANALYZE order_timeline;
VACUUM ANALYZE reservation;
VACUUM ANALYZE stock_movement;
VACUUM ANALYZE stock_level;
SELECT status, count(*) FROM customer_order GROUP BY status ORDER BY status;
