-- returns: return requests (RMA) with their lines and receipts; the quarantine of inventory; the fulfillment
-- statuses of returned orders. Invariant 10 in docs/design.md: damaged goods are never available to promise.

-- inventory: a quarantined quantity per level. It is part of on hand (counted) but never available: the CHECK
-- keeps reserved + quarantined within on hand, so no reservation can ever take a quarantined unit. (Without
-- quarantine, reserved <= on_hand is stock_reserved_within_on_hand's to say.)
ALTER TABLE stock_level ADD COLUMN quarantined bigint NOT NULL DEFAULT 0;
ALTER TABLE stock_level ADD CONSTRAINT stock_quarantine_never_reserved
    CHECK (quarantined >= 0 AND (quarantined = 0 OR reserved + quarantined <= on_hand));
ALTER TABLE stock_movement ADD COLUMN quarantined_delta bigint NOT NULL DEFAULT 0;
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_check;
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_changes_a_level
    CHECK (on_hand_delta <> 0 OR reserved_delta <> 0 OR quarantined_delta <> 0);
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_kind_check;
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_kind_check
    CHECK (kind IN ('RECEIPT', 'ADJUSTMENT', 'RESERVATION', 'RELEASE', 'ISSUE', 'RETURN', 'QUARANTINE_RELEASE',
                    'WRITE_OFF'));

-- ordering: an order with goods back from the customer.
ALTER TABLE customer_order DROP CONSTRAINT customer_order_fulfillment_status_check;
ALTER TABLE customer_order ADD CONSTRAINT customer_order_fulfillment_status_check
    CHECK (fulfillment_status IN ('UNFULFILLED', 'BACKORDERED', 'RELEASED', 'PARTIALLY_SHIPPED', 'SHIPPED',
                                  'DELIVERED', 'PARTIALLY_RETURNED', 'RETURNED'));

-- intake: an idempotency key may produce something else than an order (a return request).
ALTER TABLE idempotency_key ADD COLUMN produced_id uuid;

-- payment: one requested refund per return (its RMA number is the reference), whatever retries happen.
CREATE UNIQUE INDEX payment_refund_once_per_return ON payment (order_id, reference)
    WHERE kind = 'REFUND' AND status = 'REQUESTED' AND reference LIKE 'RMA-%';

CREATE TABLE return_request (
    id             uuid PRIMARY KEY,
    number         text          NOT NULL UNIQUE,
    order_id       uuid          NOT NULL,
    order_number   text          NOT NULL,
    currency       char(3)       NOT NULL,
    status         text          NOT NULL CHECK (status IN ('AUTHORIZED', 'RECEIVED', 'AWAITING_APPROVAL',
                                                             'REFUNDED', 'CANCELLED')),
    resolution     text          NOT NULL CHECK (resolution IN ('REFUND', 'EXCHANGE')),
    iban           text,
    label_ref      text,
    note           text,
    received_at    timestamptz,
    received_by    text,
    location       text,
    refund         numeric(19,4) CHECK (refund >= 0),
    refund_detail  jsonb,
    refund_payment uuid,
    approved_by    text,
    refunded_at    timestamptz,
    cancel_reason  text,
    created_by     text          NOT NULL,
    created_at     timestamptz   NOT NULL DEFAULT clock_timestamp(),
    updated_at     timestamptz   NOT NULL DEFAULT clock_timestamp(),
    CHECK ((status = 'REFUNDED') = (refund IS NOT NULL)),
    CHECK ((status IN ('AUTHORIZED', 'CANCELLED')) = (received_at IS NULL))
);
CREATE INDEX return_request_order_idx ON return_request (order_id);
CREATE INDEX return_request_list_idx ON return_request (status, created_at, id);
CREATE INDEX return_request_all_idx ON return_request (created_at, id);

-- What was announced per order line and what arrived. Receiving more than announced is allowed and kept as a
-- discrepancy: received never exceeds announced plus the recorded discrepancy.
CREATE TABLE return_line (
    return_id    uuid    NOT NULL REFERENCES return_request (id),
    line_no      integer NOT NULL,
    sku          text    NOT NULL,
    quantity     bigint  NOT NULL CHECK (quantity >= 0),
    reason       text    CHECK (reason IN ('WRONG_SIZE', 'DAMAGED', 'NOT_AS_DESCRIBED', 'CHANGED_MIND', 'OTHER')),
    note         text,
    received     bigint  NOT NULL DEFAULT 0 CHECK (received >= 0),
    resellable   bigint  NOT NULL DEFAULT 0 CHECK (resellable >= 0),
    quarantined  bigint  NOT NULL DEFAULT 0 CHECK (quarantined >= 0),
    written_off  bigint  NOT NULL DEFAULT 0 CHECK (written_off >= 0),
    discrepancy  bigint  NOT NULL DEFAULT 0 CHECK (discrepancy >= 0),
    PRIMARY KEY (return_id, line_no),
    CHECK (received = resellable + quarantined + written_off),
    CHECK (received <= quantity + discrepancy)
);
