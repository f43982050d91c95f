-- Issue 17: what a stock policy says of goods beyond a purchase order line's ordered + tolerance. REFUSE (as
-- before): the receipt is refused. RECORD: the goods are taken in, the line receives up to its limit and the rest is
-- recorded as a discrepancy of the line, for the buyer to settle with the supplier (docs/purchasing.md).
ALTER TABLE stock_policy ADD COLUMN over_delivery text NOT NULL DEFAULT 'REFUSE'
    CHECK (over_delivery IN ('REFUSE', 'RECORD'));

CREATE TABLE purchase_discrepancy (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    purchase_order_id uuid        NOT NULL,
    line_no           integer     NOT NULL,
    quantity          bigint      NOT NULL CHECK (quantity > 0),
    note              text,
    recorded_by       text        NOT NULL,
    recorded_at       timestamptz NOT NULL,
    FOREIGN KEY (purchase_order_id, line_no) REFERENCES purchase_order_line (purchase_order_id, line_no)
);
CREATE INDEX purchase_discrepancy_of_order ON purchase_discrepancy (purchase_order_id, line_no);
