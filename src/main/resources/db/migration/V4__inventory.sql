-- inventory: locations (warehouses), stock levels per SKU and location, the append-only stock ledger,
-- and reservations of stock for orders.

CREATE TABLE location (
    id         uuid PRIMARY KEY,
    code       text        NOT NULL UNIQUE,
    name       text        NOT NULL,
    priority   integer     NOT NULL CHECK (priority >= 0),
    address    jsonb,
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Invariant 1: the database itself refuses negative stock and reservations beyond what is on hand.
CREATE TABLE stock_level (
    sku         text        NOT NULL,
    location_id uuid        NOT NULL REFERENCES location (id),
    on_hand     bigint      NOT NULL DEFAULT 0,
    reserved    bigint      NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (sku, location_id),
    CONSTRAINT stock_on_hand_not_negative CHECK (on_hand >= 0),
    CONSTRAINT stock_reserved_within_on_hand CHECK (reserved >= 0 AND reserved <= on_hand)
);

-- Every change of a level is one row here; levels always equal the sums of these deltas.
CREATE TABLE stock_movement (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    sku            text        NOT NULL,
    location_id    uuid        NOT NULL REFERENCES location (id),
    kind           text        NOT NULL CHECK (kind IN ('RECEIPT', 'ADJUSTMENT', 'RESERVATION', 'RELEASE', 'ISSUE')),
    on_hand_delta  bigint      NOT NULL,
    reserved_delta bigint      NOT NULL,
    reason         text,
    document_type  text,
    document_ref   text,
    actor          text        NOT NULL,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (sku, id),
    CHECK (on_hand_delta <> 0 OR reserved_delta <> 0)
);
CREATE INDEX stock_movement_document_idx ON stock_movement (document_type, document_ref);

-- The ledger is append-only: corrections are new movements, never edits.
CREATE FUNCTION stock_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock_movement is append-only';
END $$;
CREATE TRIGGER stock_movement_append_only BEFORE UPDATE OR DELETE ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION stock_movement_append_only();

CREATE TABLE reservation (
    id          uuid PRIMARY KEY,
    order_id    uuid        NOT NULL,
    line_no     integer     NOT NULL,
    sku         text        NOT NULL,
    location_id uuid        NOT NULL REFERENCES location (id),
    quantity    bigint      NOT NULL CHECK (quantity > 0),
    status      text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RELEASED', 'ISSUED')),
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    closed_at   timestamptz
);
CREATE INDEX reservation_order_idx ON reservation (order_id);
CREATE INDEX reservation_active_sku_idx ON reservation (sku, location_id) WHERE status = 'ACTIVE';
