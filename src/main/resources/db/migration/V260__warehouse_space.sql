-- space: what articles measure, the bins of a warehouse with their capacities, the stock in each bin, every
-- putaway (and the overflow alerts among them), and the issued quantities per day the space forecast reads.

-- Dimensions and packing units of an article; its weight is the catalog's.
CREATE TABLE article_dimensions (
    sku                text PRIMARY KEY,
    length_mm          integer     NOT NULL CHECK (length_mm > 0),
    width_mm           integer     NOT NULL CHECK (width_mm > 0),
    height_mm          integer     NOT NULL CHECK (height_mm > 0),
    units_per_carton   integer     CHECK (units_per_carton > 0),
    cartons_per_pallet integer     CHECK (cartons_per_pallet > 0),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (cartons_per_pallet IS NULL OR units_per_carton IS NOT NULL)
);

-- A bin (shelf, rack place, floor place) of a warehouse. A null capacity is no limit of that kind. The used_*
-- columns are the sums of the bin's stock rows; the CHECKs are the guarantee that no bin is ever over capacity,
-- whatever the code that writes it (putaway also asks before, with a conditional update).
CREATE TABLE bin (
    id                 uuid PRIMARY KEY,
    location_id        uuid        NOT NULL REFERENCES location (id),
    code               text        NOT NULL,
    pick_sequence      integer     NOT NULL CHECK (pick_sequence >= 0),
    volume_mm3         bigint      CHECK (volume_mm3 > 0),
    max_weight_grams   bigint      CHECK (max_weight_grams > 0),
    pallet_places      integer     CHECK (pallet_places > 0),
    unit_limit_per_sku bigint      CHECK (unit_limit_per_sku > 0),
    home_sku           text,
    overflow           boolean     NOT NULL DEFAULT false,
    used_volume_mm3    bigint      NOT NULL DEFAULT 0,
    used_weight_grams  bigint      NOT NULL DEFAULT 0,
    used_pallets       integer     NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (location_id, code),
    CONSTRAINT bin_within_volume CHECK (used_volume_mm3 >= 0 AND (volume_mm3 IS NULL OR used_volume_mm3 <= volume_mm3)),
    CONSTRAINT bin_within_weight CHECK (used_weight_grams >= 0
        AND (max_weight_grams IS NULL OR used_weight_grams <= max_weight_grams)),
    CONSTRAINT bin_within_pallet_places CHECK (used_pallets >= 0 AND (pallet_places IS NULL OR used_pallets <= pallet_places)),
    CONSTRAINT bin_overflow_has_no_limit CHECK (NOT overflow OR (volume_mm3 IS NULL AND max_weight_grams IS NULL
        AND pallet_places IS NULL AND unit_limit_per_sku IS NULL AND home_sku IS NULL))
);
CREATE UNIQUE INDEX bin_one_overflow_per_location ON bin (location_id) WHERE overflow;
CREATE INDEX bin_home_sku_idx ON bin (location_id, home_sku) WHERE home_sku IS NOT NULL;

-- Stock of a SKU in a bin, with the volume, weight and pallet places it was booked with (so that taking it out
-- gives back exactly what it took, even when the article's dimensions changed meanwhile). Per location the
-- quantities add up to the location's on hand (the checker's rule bins-equal-location-stock).
CREATE TABLE bin_stock (
    bin_id        uuid   NOT NULL REFERENCES bin (id),
    sku           text   NOT NULL,
    quantity      bigint NOT NULL CHECK (quantity >= 0),
    volume_mm3    bigint NOT NULL CHECK (volume_mm3 >= 0),
    weight_grams  bigint NOT NULL CHECK (weight_grams >= 0),
    pallets       integer NOT NULL CHECK (pallets >= 0),
    PRIMARY KEY (bin_id, sku)
);
CREATE INDEX bin_stock_sku_idx ON bin_stock (sku);

-- Every putaway: where received goods went. An overflow putaway is an alert until a person acknowledges it.
CREATE TABLE putaway (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    location_id     uuid        NOT NULL REFERENCES location (id),
    bin_id          uuid        NOT NULL REFERENCES bin (id),
    sku             text        NOT NULL,
    quantity        bigint      NOT NULL CHECK (quantity > 0),
    document_type   text,
    document_ref    text,
    overflow        boolean     NOT NULL,
    at              timestamptz NOT NULL,
    acknowledged_at timestamptz
);
CREATE INDEX putaway_open_overflow_idx ON putaway (location_id) WHERE overflow AND acknowledged_at IS NULL;

-- What left each warehouse per SKU and day (goods issued for orders), dated by the application's clock: the
-- demand history of the space forecast.
CREATE TABLE space_demand (
    location_id uuid   NOT NULL REFERENCES location (id),
    sku         text   NOT NULL,
    day         date   NOT NULL,
    issued      bigint NOT NULL CHECK (issued >= 0),
    PRIMARY KEY (location_id, day, sku)
);
