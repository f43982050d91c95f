-- Warehouse space data for bench/space.sh, written set-based through Ordo's own schema and consistent with its
-- invariants: :n SKUs (prefix :prefix) of 1 litre and 250 g with :n units on hand each at location :loc (levels
-- equal the ledger), :n bins of 100 litres along the pick path holding them (the bins add up to the location), and
-- two years of weekly demand history per SKU (69 weeks: the 4 recent weeks, and weeks 40 to 104 back, which hold
-- the 13 of last year the forecast reads).
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
-- each bin's stock has its booking in the bin ledger, as a receipt would leave it (checker: bin-stock-equals-bin-ledger)
INSERT INTO bin_movement (location_id, bin_id, sku, quantity_delta, kind, document_type, actor, at)
SELECT :'loc', md5(:'prefix' || 'bin' || g)::uuid, :'prefix' || lpad(g::text, 5, '0'), 50, 'OPENING', 'BINS', 'system',
       now()
FROM generate_series(0, :n - 1) g;

\echo demand history
-- by calendar week, as Ordo keeps it, written week after week as time would write it: the year before last year's
-- weeks (which a forecast must not read), the weeks of last year's 12 that the forecast reads (13 when today is not
-- a Monday), and the 4 recent weeks
INSERT INTO space_demand_week (location_id, sku, week, issued)
SELECT :'loc', :'prefix' || lpad(g::text, 5, '0'), monday - 7 * k, 7 + (g + k) % 15
FROM generate_series(0, :n - 1) g, (SELECT k FROM generate_series(1, 4) k UNION ALL SELECT generate_series(40, 104)) ks,
     (SELECT current_date - (CAST(extract(isodow FROM current_date) AS int) - 1) AS monday) m
ORDER BY k DESC, g;
INSERT INTO space_demand_since (location_id, sku, first_day)
SELECT :'loc', :'prefix' || lpad(g::text, 5, '0'),
       current_date - (CAST(extract(isodow FROM current_date) AS int) - 1) - 7 * 104
FROM generate_series(0, :n - 1) g;
ANALYZE article; ANALYZE stock_level; ANALYZE bin; ANALYZE bin_stock; ANALYZE space_demand_week; ANALYZE space_demand_since;
