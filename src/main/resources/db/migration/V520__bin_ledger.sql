-- space: the bin ledger. Every change of a SKU's stock in a bin (putaway, picking, adjustments, counts, moves between
-- bins) is one appended row naming the bin, why (the stock ledger's movement kind, MOVE between bins, OPENING for
-- what the bins held before the ledger began) and the document; per bin and SKU the rows add up to bin_stock (the
-- checker's rule bin-stock-equals-bin-ledger), as the stock ledger adds up to the levels.
CREATE TABLE bin_movement (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    location_id    uuid        NOT NULL REFERENCES location (id),
    bin_id         uuid        NOT NULL REFERENCES bin (id),
    sku            text        NOT NULL,
    quantity_delta bigint      NOT NULL CHECK (quantity_delta <> 0),
    kind           text        NOT NULL,
    document_type  text,
    document_ref   text,
    actor          text        NOT NULL,
    at             timestamptz NOT NULL
);
CREATE INDEX bin_movement_bin_sku_idx ON bin_movement (bin_id, sku);
CREATE INDEX bin_movement_document_idx ON bin_movement (document_type, document_ref);

CREATE FUNCTION bin_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'bin_movement is append-only';
END $$;
CREATE TRIGGER bin_movement_append_only BEFORE UPDATE OR DELETE ON bin_movement
    FOR EACH ROW EXECUTE FUNCTION bin_movement_append_only();

INSERT INTO bin_movement (location_id, bin_id, sku, quantity_delta, kind, document_type, actor, at)
SELECT b.location_id, s.bin_id, s.sku, s.quantity, 'OPENING', 'BINS', 'system', now()
FROM bin_stock s JOIN bin b ON b.id = s.bin_id
WHERE s.quantity > 0;
