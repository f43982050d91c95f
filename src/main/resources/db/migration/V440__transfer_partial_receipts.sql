-- Issue 17: a transfer may be received in parts (docs/purchasing.md#transfers). Each line counts what arrived; the
-- conditional UPDATE that adds to it never passes what was shipped, and the transfer is RECEIVED once every line
-- has all of it. What is still in transit is quantity - received of the transfers IN_TRANSIT, which the checker's
-- rule in-transit-equals-open-transfers compares with the ledger's TRANSFER_OUT less TRANSFER_IN.
ALTER TABLE stock_transfer_line ADD COLUMN received bigint NOT NULL DEFAULT 0;
UPDATE stock_transfer_line l SET received = l.quantity
FROM stock_transfer t WHERE t.id = l.transfer_id AND t.status = 'RECEIVED';
ALTER TABLE stock_transfer_line ADD CONSTRAINT stock_transfer_line_received_within_shipped
    CHECK (received >= 0 AND received <= quantity);
