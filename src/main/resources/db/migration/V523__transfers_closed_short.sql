-- purchasing: a transfer may be closed short with a reason (docs/purchasing.md#closing-a-transfer-short). What was still
-- in transit is booked back at the source (TRANSFER_IN there naming the transfer), and, when it was lost, written off
-- there at once (ADJUSTMENT naming the transfer); so the ledger's TRANSFER_OUT less TRANSFER_IN stays equal to what the
-- transfers in transit carry (checker rule in-transit-equals-open-transfers).
ALTER TABLE stock_transfer DROP CONSTRAINT stock_transfer_status_check;
ALTER TABLE stock_transfer ADD CONSTRAINT stock_transfer_status_check
    CHECK (status IN ('IN_TRANSIT', 'RECEIVED', 'CLOSED_SHORT'));
ALTER TABLE stock_transfer ADD COLUMN closed_by text;
ALTER TABLE stock_transfer ADD COLUMN closed_at timestamptz;
ALTER TABLE stock_transfer ADD COLUMN close_reason text;
ALTER TABLE stock_transfer ADD COLUMN lost boolean;
ALTER TABLE stock_transfer ADD CONSTRAINT stock_transfer_closed_with_reason
    CHECK ((status = 'CLOSED_SHORT') = (closed_at IS NOT NULL AND close_reason IS NOT NULL AND lost IS NOT NULL));
