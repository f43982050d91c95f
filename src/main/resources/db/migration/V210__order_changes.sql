-- ordering: orders change after placement (docs/order-changes.md). Each change is a version of the order: the
-- order row carries its current version (the ETag a client sends back in If-Match), order_change keeps who
-- changed what and why, before and after, once per version.

ALTER TABLE customer_order ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
-- The carrier service agreed with the customer (express, standard ...); null: the shop's default.
ALTER TABLE customer_order ADD COLUMN carrier_service text;
-- The highest line number the order ever had: a removed line's number is never given to another line, because
-- reservations and the history name lines by number.
ALTER TABLE customer_order ADD COLUMN last_line_no integer;

CREATE TABLE order_change (
    id                  uuid PRIMARY KEY,
    order_id            uuid          NOT NULL REFERENCES customer_order (id),
    version             integer       NOT NULL CHECK (version >= 2),
    at                  timestamptz   NOT NULL,
    actor               text          NOT NULL,
    reason              text          NOT NULL,
    -- [{what, lineNo, before, after, priced}] in the order they were applied
    differences         jsonb         NOT NULL,
    gross_before        numeric(19,4) NOT NULL,
    gross_after         numeric(19,4) NOT NULL,
    -- what had been paid when the change was made: the difference to gross_after is due or owed back
    paid                numeric(19,4) NOT NULL,
    inbound_document_id uuid,
    UNIQUE (order_id, version)
);

-- payment: the refund a change owes is requested once per change (its reference is CHG-<change id>), whatever
-- retries of the event happen.
CREATE UNIQUE INDEX payment_refund_once_per_change ON payment (order_id, reference)
    WHERE kind = 'REFUND' AND status = 'REQUESTED' AND reference LIKE 'CHG-%';
