-- Warehouse space data for bench/space.sh, written set-based through Ordo's own schema and consistent with its
-- invariants: :n SKUs (prefix :prefix) of 1 litre and 250 g with :n units on hand each at location :loc (levels
-- equal the ledger), :n bins of 100 litres along the pick path holding them (the bins add up to the location), and
-- 112 days of demand history per SKU: the 12 weeks of last year the forecast reads and the 4 recent weeks.
--   psql -v n=10000 -v prefix=SP-123- -v loc=LOCATION-UUID -f bench/space-generate.sql
\set ON_ERROR_STOP on
SET synchronous_commit = off;

\echo articles
INSERT INTO article (id, sku, type, name, price, currency, tax_rate, weight_grams)
SELECT md5(:'prefix' || g)::uuid, :'prefix' || lpad(g::text, 5, '0'), 'PHYSICAL',
       jsonb_build_object('en', 'Space bench ' || g), 9.99, 'EUR', 19, 250
FROM generate_series(0, :n - 1) g;
INSERT INTO article_dimensions (sku, length_mm, width_mm, height_mm, units_per_carton, cartons_per_pallet)
SELECT :'prefix' || lpad(g::text, 5, '0'), 100, 100, 100, 10, 40 FROM generate_series(0, :n - 1) g;

\echo stock
INSERT INTO stock_level (sku, location_id, on_hand, reserved)
SELECT :'prefix' || lpad(g::text, 5, '0'), :'loc', 50, 0 FROM generate_series(0, :n - 1) g;
INSERT INTO stock_movement (sku, location_id, kind, on_hand_delta, reserved_delta, reason, document_type, document_ref, actor)
SELECT :'prefix' || lpad(g::text, 5, '0'), :'loc', 'RECEIPT', 50, 0, 'bench', 'BENCH', 'space', 'bench'
FROM generate_series(0, :n - 1) g;

\echo bins
INSERT INTO bin (id, location_id, code, pick_sequence, overflow)
VALUES (md5(:'prefix' || 'overflow')::uuid, :'loc', 'OVERFLOW', 2147483647, true);
INSERT INTO bin (id, location_id, code, pick_sequence, volume_mm3, max_weight_grams, pallet_places, home_sku,
                 used_volume_mm3, used_weight_grams, used_pallets)
SELECT md5(:'prefix' || 'bin' || g)::uuid, :'loc', 'B-' || lpad(g::text, 5, '0'), g, 100000000, 100000, 2,
       :'prefix' || lpad(g::text, 5, '0'), 50000000, 12500, 1
FROM generate_series(0, :n - 1) g;
INSERT INTO bin_stock (bin_id, sku, quantity, volume_mm3, weight_grams, pallets)
SELECT md5(:'prefix' || 'bin' || g)::uuid, :'prefix' || lpad(g::text, 5, '0'), 50, 50000000, 12500, 1
FROM generate_series(0, :n - 1) g;

\echo demand history
INSERT INTO space_demand (location_id, sku, day, issued)
SELECT :'loc', :'prefix' || lpad(g::text, 5, '0'), current_date - 364 + k, 1 + (g + k) % 3
FROM generate_series(0, :n - 1) g, generate_series(0, 83) k;
INSERT INTO space_demand (location_id, sku, day, issued)
SELECT :'loc', :'prefix' || lpad(g::text, 5, '0'), current_date - k, 1
FROM generate_series(0, :n - 1) g, generate_series(1, 28) k;
ANALYZE article; ANALYZE stock_level; ANALYZE bin; ANALYZE bin_stock; ANALYZE space_demand;
