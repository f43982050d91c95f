-- The batched raw-SQL floor of P4: the rows Ordo writes for :batch three-line EDI orders of one interchange
-- (order, lines, timeline entry, stock levels, ledger rows, reservations, the message taken and its ORDRSP), written
-- directly in one transaction, one multi-row statement per table and one stock update per SKU for the whole batch.
-- No parsing, pricing, validation, events or read-back: the ceiling for orders written :batch per transaction.
-- Run by bench/p4.sh as: pgbench -n -M prepared -f bench/floor-batched.sql -D prefix=SKU-PREFIX- -D nskus=N
--   -D loc=LOCATION-UUID -D customer=CUSTOMER-UUID -D partner=CODE -D batch=200   (orders/s = tps x batch)
BEGIN;
CREATE TEMP TABLE IF NOT EXISTS floor_batch (id uuid, number text, n int, sku text, line_no int) ON COMMIT DELETE ROWS;
-- :batch orders of three different SKUs each (a, a+1.., a+2.. modulo nskus), numbered from the order sequence
INSERT INTO floor_batch (id, number, n, sku, line_no)
SELECT o.id, o.number, o.n, :prefix || lpad(CAST((o.a + l.k * (1 + o.n % 3)) % :nskus AS text), 4, '0'), l.k + 1
FROM (SELECT gen_random_uuid() AS id, 'SO-' || nextval('order_number_seq') AS number, n,
             CAST(floor(random() * :nskus) AS int) AS a
      FROM generate_series(1, :batch) n) o
CROSS JOIN generate_series(0, 2) l(k);
-- one update per SKU for the whole batch, guarded as Ordo guards it
UPDATE stock_level s SET reserved = s.reserved + d.q, updated_at = now()
FROM (SELECT sku, count(*) AS q FROM floor_batch GROUP BY sku) d
WHERE s.sku = d.sku AND s.location_id = CAST(:loc AS uuid) AND s.on_hand - s.reserved >= d.q;
INSERT INTO stock_movement (sku, location_id, kind, on_hand_delta, reserved_delta, reason, document_type, document_ref, actor)
SELECT sku, CAST(:loc AS uuid), 'RESERVATION', 0, 1, 'reserved for order ' || number, 'ORDER', id, 'api-key/floor'
FROM floor_batch;
INSERT INTO reservation (id, order_id, line_no, sku, location_id, quantity)
SELECT gen_random_uuid(), id, line_no, sku, CAST(:loc AS uuid), 1 FROM floor_batch;
INSERT INTO customer_order (id, number, channel, external_ref, customer_id, customer_email, customer_name, locale,
    currency, payment_method, status, payment_status, fulfillment_status, shipping_address, billing_address,
    net, tax, gross, note, promised_at, inbound_document_id, created_by)
SELECT DISTINCT ON (id) id, number, 'edi', 'FLOOR/' || gen_random_uuid(), CAST(:customer AS uuid), 'p4-buyer@example.com',
    'P4 Buyer', 'en', 'EUR', 'invoice', 'OPEN', 'PENDING', 'UNFULFILLED',
    '{"name":"P4 Lager","street":"Hafenstr. 1","postalCode":"20457","city":"Hamburg","country":"DE"}',
    '{"name":"P4 Lager","street":"Hafenstr. 1","postalCode":"20457","city":"Hamburg","country":"DE"}',
    29.97, 5.70, 35.67, NULL, now() + interval '2 days', NULL, 'api-key/floor'
FROM floor_batch;
INSERT INTO order_line (order_id, line_no, sku, name, type, quantity, unit_price, tax_rate, price_includes_tax,
    net, tax, gross, reserved, backordered)
SELECT id, line_no, sku, 'Bench', 'PHYSICAL', 1, 9.99, 19, false, 9.99, 1.90, 11.89, 1, 0 FROM floor_batch;
INSERT INTO order_timeline (order_id, actor, dimension, from_status, to_status, reason)
SELECT DISTINCT id, 'api-key/floor', 'order', NULL, 'OPEN', 'placed via edi' FROM floor_batch;
-- the message taken and its order response, each order's own two rows
INSERT INTO edi_message (id, partner_code, direction, type, interchange_ref, message_ref, outcome, order_id, order_number)
SELECT DISTINCT ON (id) gen_random_uuid(), :partner, 'IN', 'ORDERS', 'FLOOR-' || id, '1', 'PLACED', id, number
FROM floor_batch;
UPDATE edi_partner SET last_control_number = last_control_number + :batch WHERE code = :partner
RETURNING last_control_number - :batch AS control \gset
INSERT INTO edi_message (id, partner_code, direction, type, interchange_ref, message_ref, control_number, outcome, body,
    delivery_status, next_delivery_at)
SELECT gen_random_uuid(), :partner, 'OUT', 'ORDRSP', 'FLOOR', '1', :control + n, 'STORED', repeat('r', 400), 'QUEUED', now()
FROM (SELECT DISTINCT n FROM floor_batch) b;
COMMIT;
