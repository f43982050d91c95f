-- The space forecast's demand history by calendar week (Monday to Sunday) instead of by day, and the first day
-- each SKU left each warehouse: the first forecast of a day reads 13 last-year weeks, 4 recent weeks and the SKUs
-- whose history is older than last year's weeks, instead of aggregating every day row (V260's space_demand held
-- 1.1 million rows for 10,000 SKUs over 16 weeks, which that forecast summed on each new day).
CREATE TABLE space_demand_week (
    location_id uuid   NOT NULL REFERENCES location (id),
    sku         text   NOT NULL,
    week        date   NOT NULL CHECK (extract(isodow FROM week) = 1),
    issued      bigint NOT NULL CHECK (issued >= 0),
    PRIMARY KEY (location_id, week, sku)
);

-- The first day goods of a SKU were issued at a warehouse: whether it has history as old as last year's weeks.
CREATE TABLE space_demand_since (
    location_id uuid NOT NULL REFERENCES location (id),
    sku         text NOT NULL,
    first_day   date NOT NULL,
    PRIMARY KEY (location_id, sku)
);
CREATE INDEX space_demand_since_first_day_idx ON space_demand_since (location_id, first_day);

INSERT INTO space_demand_week (location_id, sku, week, issued)
SELECT location_id, sku, day - (CAST(extract(isodow FROM day) AS int) - 1), sum(issued)
FROM space_demand GROUP BY location_id, sku, day - (CAST(extract(isodow FROM day) AS int) - 1);
INSERT INTO space_demand_since (location_id, sku, first_day)
SELECT location_id, sku, min(day) FROM space_demand GROUP BY location_id, sku;

DROP TABLE space_demand;
