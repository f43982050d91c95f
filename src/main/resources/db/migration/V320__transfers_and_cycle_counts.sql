-- Issue 17: transfers between locations and cycle counts (docs/purchasing.md).

-- inventory: goods sent to another location leave as TRANSFER_OUT and arrive as TRANSFER_IN; between the two they
-- are in transit, on no location's on hand. The ledger's TRANSFER_OUT less TRANSFER_IN per SKU equals what the open
-- transfers carry (checker rule in-transit-equals-open-transfers).
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_kind_check;
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_kind_check
    CHECK (kind IN ('RECEIPT', 'ADJUSTMENT', 'RESERVATION', 'RELEASE', 'ISSUE', 'RETURN', 'QUARANTINE_RELEASE',
                    'WRITE_OFF', 'TRANSFER_OUT', 'TRANSFER_IN'));

-- purchasing: a transfer is shipped in one transaction (stock out of the source, status IN_TRANSIT) and received in
-- another (status RECEIVED by a conditional update, stock into the destination), so a crash between them leaves a
-- transfer in transit, never stock counted twice or lost.
CREATE TABLE stock_transfer (
    id            uuid PRIMARY KEY,
    number        text        NOT NULL UNIQUE,
    from_location text        NOT NULL,
    to_location   text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('IN_TRANSIT', 'RECEIVED')),
    note          text,
    shipped_by    text        NOT NULL,
    shipped_at    timestamptz NOT NULL,
    received_by   text,
    received_at   timestamptz,
    CHECK (from_location <> to_location),
    CHECK ((status = 'RECEIVED') = (received_at IS NOT NULL))
);
CREATE INDEX stock_transfer_newest ON stock_transfer (shipped_at DESC, id DESC);
CREATE INDEX stock_transfer_in_transit ON stock_transfer (id) WHERE status = 'IN_TRANSIT';

CREATE TABLE stock_transfer_line (
    transfer_id uuid   NOT NULL REFERENCES stock_transfer (id),
    line_no     int    NOT NULL CHECK (line_no > 0),
    sku         text   NOT NULL,
    quantity    bigint NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (transfer_id, line_no)
);

-- purchasing: a cycle count of a SKU at a location. The difference to the books is booked as one ADJUSTMENT whose
-- reference is the count's number; above the approval threshold it waits for a second person.
CREATE TABLE cycle_count (
    id          uuid PRIMARY KEY,
    number      text        NOT NULL UNIQUE,
    sku         text        NOT NULL,
    location    text        NOT NULL,
    counted     bigint      NOT NULL CHECK (counted >= 0),
    expected    bigint      NOT NULL CHECK (expected >= 0),
    reserved    bigint      NOT NULL CHECK (reserved >= 0),
    status      text        NOT NULL CHECK (status IN ('BOOKED', 'AWAITING_APPROVAL', 'REJECTED')),
    note        text,
    counted_by  text        NOT NULL,
    counted_at  timestamptz NOT NULL,
    decided_by  text,
    decided_at  timestamptz,
    reason      text,
    CHECK ((status = 'AWAITING_APPROVAL') = (decided_at IS NULL))
);
CREATE INDEX cycle_count_newest ON cycle_count (counted_at DESC, id DESC);
