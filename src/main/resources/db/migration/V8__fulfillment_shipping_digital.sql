-- fulfillment: pick lists (waves) per warehouse, picking against reservations, parcels.
CREATE SEQUENCE pick_list_number_seq START 1001;
CREATE TABLE pick_list (
    id           uuid PRIMARY KEY,
    number       text        NOT NULL UNIQUE,
    location     text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('OPEN', 'DONE')),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    completed_at timestamptz
);
CREATE TABLE pick_line (
    pick_list_id   uuid        NOT NULL REFERENCES pick_list (id),
    line_no        integer     NOT NULL,
    order_id       uuid        NOT NULL,
    order_number   text        NOT NULL,
    order_line_no  integer     NOT NULL,
    reservation_id uuid        NOT NULL,
    sku            text        NOT NULL,
    quantity       bigint      NOT NULL CHECK (quantity > 0),
    picked         bigint      NOT NULL DEFAULT 0 CHECK (picked >= 0),
    missing        bigint      NOT NULL DEFAULT 0 CHECK (missing >= 0),
    status         text        NOT NULL CHECK (status IN ('OPEN', 'PICKED', 'SHORT', 'VOID')),
    picked_by      text,
    picked_at      timestamptz,
    PRIMARY KEY (pick_list_id, line_no),
    CHECK (picked + missing <= quantity)
);
-- A reservation is on at most one pick list that is still to be picked.
CREATE UNIQUE INDEX pick_line_open_reservation_key ON pick_line (reservation_id) WHERE status = 'OPEN';
CREATE INDEX pick_line_order_idx ON pick_line (order_id);

CREATE TABLE parcel (
    id           uuid PRIMARY KEY,
    order_id     uuid        NOT NULL,
    location     text        NOT NULL,
    weight_grams integer     NOT NULL CHECK (weight_grams > 0),
    length_mm    integer     CHECK (length_mm > 0),
    width_mm     integer     CHECK (width_mm > 0),
    height_mm    integer     CHECK (height_mm > 0),
    status       text        NOT NULL CHECK (status IN ('PACKED', 'SHIPPED')),
    shipment_id  uuid,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX parcel_order_idx ON parcel (order_id);
CREATE TABLE parcel_item (
    parcel_id     uuid    NOT NULL REFERENCES parcel (id),
    order_line_no integer NOT NULL,
    sku           text    NOT NULL,
    quantity      bigint  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (parcel_id, order_line_no)
);

-- shipping: carriers with their tracking page, shipments with tracking numbers, tracking events.
CREATE TABLE carrier (
    code         text PRIMARY KEY,
    name         text    NOT NULL,
    tracking_url text    NOT NULL CHECK (tracking_url LIKE '%{tracking}%'),
    active       boolean NOT NULL DEFAULT true
);
INSERT INTO carrier (code, name, tracking_url) VALUES
    ('DHL', 'DHL Paket', 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode={tracking}'),
    ('DPD', 'DPD', 'https://tracking.dpd.de/status/de_DE/parcel/{tracking}'),
    ('UPS', 'UPS', 'https://www.ups.com/track?tracknum={tracking}'),
    ('GLS', 'GLS', 'https://gls-group.com/DE/de/paketverfolgung?match={tracking}'),
    ('HERMES', 'Hermes', 'https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#{tracking}'),
    ('DEUTSCHE_POST', 'Deutsche Post', 'https://www.deutschepost.de/de/s/sendungsverfolgung.html?piececode={tracking}');

CREATE TABLE shipment (
    id              uuid PRIMARY KEY,
    order_id        uuid        NOT NULL,
    location        text        NOT NULL,
    carrier         text        NOT NULL REFERENCES carrier (code),
    service         text,
    tracking_number text        NOT NULL,
    tracking_url    text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('SHIPPED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED',
                                                           'EXCEPTION')),
    shipped_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    delivered_at    timestamptz,
    created_by      text        NOT NULL,
    UNIQUE (carrier, tracking_number)
);
CREATE INDEX shipment_order_idx ON shipment (order_id);
CREATE TABLE shipment_line (
    shipment_id   uuid    NOT NULL REFERENCES shipment (id),
    order_line_no integer NOT NULL,
    sku           text    NOT NULL,
    quantity      bigint  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, order_line_no)
);
CREATE TABLE tracking_event (
    shipment_id uuid        NOT NULL REFERENCES shipment (id),
    id          bigint GENERATED ALWAYS AS IDENTITY,
    event_id    text        NOT NULL UNIQUE,
    status      text        NOT NULL,
    at          timestamptz NOT NULL,
    description text,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (shipment_id, id)
);

-- digital: files of digital articles and download entitlements of orders.
CREATE TABLE digital_asset (
    sku          text PRIMARY KEY,
    filename     text        NOT NULL,
    content_type text        NOT NULL,
    content      bytea       NOT NULL,
    sha256       text        NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE download_entitlement (
    id            uuid PRIMARY KEY,
    token         text        NOT NULL UNIQUE,
    order_id      uuid        NOT NULL,
    order_number  text        NOT NULL,
    line_no       integer     NOT NULL,
    sku           text        NOT NULL,
    name          text        NOT NULL,
    expires_at    timestamptz NOT NULL,
    max_downloads integer     NOT NULL CHECK (max_downloads > 0),
    downloads     integer     NOT NULL DEFAULT 0,
    last_download timestamptz,
    revoked_at    timestamptz,
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (order_id, line_no),
    CHECK (downloads <= max_downloads)
);

-- The order timeline is append-only like the stock ledger; neither can be truncated.
CREATE FUNCTION order_timeline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'order_timeline is append-only';
END $$;
CREATE TRIGGER order_timeline_append_only BEFORE UPDATE OR DELETE ON order_timeline
    FOR EACH ROW EXECUTE FUNCTION order_timeline_append_only();
CREATE TRIGGER order_timeline_no_truncate BEFORE TRUNCATE ON order_timeline
    FOR EACH STATEMENT EXECUTE FUNCTION order_timeline_append_only();
CREATE TRIGGER stock_movement_no_truncate BEFORE TRUNCATE ON stock_movement
    FOR EACH STATEMENT EXECUTE FUNCTION stock_movement_append_only();
