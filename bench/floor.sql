-- The raw-SQL floor of P1: the rows Ordo writes for one three-line order (see OrderManagement.place,
-- InventoryManagement.reserve and Intake.takeApiOrder), written directly in one transaction, one statement per
-- step, multi-row inserts where Ordo batches. No HTTP, JSON, pricing, validation or read-back. Run by
-- bench/run.sh as: pgbench -n -M prepared -f bench/floor.sql -D prefix=SKU-PREFIX- -D nskus=N -D loc=LOCATION-UUID
-- Three different SKUs at random, updated in SKU order (as Ordo locks them), from 500 existing customers.
\set a random(0, :nskus - 1)
\set b (:a + random(1, :nskus / 3)) % :nskus
\set c (:b + random(1, :nskus / 3)) % :nskus
\set i1 least(:a, :b, :c)
\set i3 greatest(:a, :b, :c)
\set i2 :a + :b + :c - :i1 - :i3
\set cust random(0, 499)
BEGIN;
INSERT INTO idempotency_key (client, key, request_hash)
VALUES ('floor', gen_random_uuid()::text, md5(random()::text) || md5(random()::text))
RETURNING key AS ikey \gset
INSERT INTO inbound_document (id, channel, content_type, body, sha256, received_by, status)
VALUES (gen_random_uuid(), 'api', 'application/json', convert_to(repeat('x', 409), 'UTF8'),
        md5(random()::text) || md5(random()::text), 'api-key/floor', 'RECEIVED')
RETURNING id AS doc \gset
SELECT id AS customer, email, name, :prefix || lpad(CAST(:i1 AS text), 4, '0') AS sku1,
       :prefix || lpad(CAST(:i2 AS text), 4, '0') AS sku2, :prefix || lpad(CAST(:i3 AS text), 4, '0') AS sku3
FROM customer WHERE lower(email) = lower('bench' || :cust || '@example.com') \gset
SELECT 'SO-' || nextval('order_number_seq') AS number, gen_random_uuid() AS id \gset
UPDATE stock_level SET reserved = reserved + 1, updated_at = now()
WHERE sku = :sku1 AND location_id = CAST(:loc AS uuid) AND on_hand - reserved >= 1;
UPDATE stock_level SET reserved = reserved + 1, updated_at = now()
WHERE sku = :sku2 AND location_id = CAST(:loc AS uuid) AND on_hand - reserved >= 1;
UPDATE stock_level SET reserved = reserved + 1, updated_at = now()
WHERE sku = :sku3 AND location_id = CAST(:loc AS uuid) AND on_hand - reserved >= 1;
INSERT INTO stock_movement (sku, location_id, kind, on_hand_delta, reserved_delta, reason, document_type, document_ref, actor)
VALUES (:sku1, CAST(:loc AS uuid), 'RESERVATION', 0, 1, 'reserved for order ' || :number, 'ORDER', :id, 'api-key/floor'),
       (:sku2, CAST(:loc AS uuid), 'RESERVATION', 0, 1, 'reserved for order ' || :number, 'ORDER', :id, 'api-key/floor'),
       (:sku3, CAST(:loc AS uuid), 'RESERVATION', 0, 1, 'reserved for order ' || :number, 'ORDER', :id, 'api-key/floor');
INSERT INTO reservation (id, order_id, line_no, sku, location_id, quantity)
VALUES (gen_random_uuid(), CAST(:id AS uuid), 1, :sku1, CAST(:loc AS uuid), 1),
       (gen_random_uuid(), CAST(:id AS uuid), 2, :sku2, CAST(:loc AS uuid), 1),
       (gen_random_uuid(), CAST(:id AS uuid), 3, :sku3, CAST(:loc AS uuid), 1);
INSERT INTO customer_order (id, number, channel, external_ref, customer_id, customer_email, customer_name, locale,
    currency, payment_method, status, payment_status, fulfillment_status, shipping_address, billing_address,
    net, tax, gross, note, promised_at, inbound_document_id, created_by)
VALUES (CAST(:id AS uuid), :number, 'api', 'FLOOR-' || gen_random_uuid(), CAST(:customer AS uuid), :email, :name, 'en',
    'EUR', 'card', 'OPEN', 'PENDING', 'UNFULFILLED',
    '{"name":"Bench Client","street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"}',
    '{"name":"Bench Client","street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"}',
    29.97, 5.70, 35.67, NULL, now() + interval '2 days', CAST(:doc AS uuid), 'api-key/floor');
INSERT INTO order_line (order_id, line_no, sku, name, type, quantity, unit_price, tax_rate, price_includes_tax,
    net, tax, gross, reserved, backordered)
VALUES (CAST(:id AS uuid), 1, :sku1, 'Bench', 'PHYSICAL', 1, 9.99, 19, false, 9.99, 1.90, 11.89, 1, 0),
       (CAST(:id AS uuid), 2, :sku2, 'Bench', 'PHYSICAL', 1, 9.99, 19, false, 9.99, 1.90, 11.89, 1, 0),
       (CAST(:id AS uuid), 3, :sku3, 'Bench', 'PHYSICAL', 1, 9.99, 19, false, 9.99, 1.90, 11.89, 1, 0);
INSERT INTO order_timeline (order_id, actor, dimension, from_status, to_status, reason)
VALUES (CAST(:id AS uuid), 'api-key/floor', 'order', NULL, 'OPEN', 'placed via api');
UPDATE inbound_document SET status = 'PROCESSED', produced_type = 'ORDER', produced_id = CAST(:id AS uuid),
       processed_at = clock_timestamp(), reason = NULL
WHERE id = CAST(:doc AS uuid);
UPDATE idempotency_key SET status = 201, response = repeat('r', 2901), order_id = CAST(:id AS uuid)
WHERE client = 'floor' AND key = :ikey;
COMMIT;
