-- Shops told of an order changed in Ordo (docs/order-changes.md, "Shops are told"): one notice per change of an
-- order that came from a shop with API access, written in the change's own transaction (the unique change id
-- keeps it to one), sent by a dispatcher that claims due rows with FOR UPDATE SKIP LOCKED and retries with
-- back-off until FAILED.
CREATE TABLE shop_change_notice (
    id              uuid        PRIMARY KEY,
    change_id       uuid        NOT NULL UNIQUE,
    order_id        uuid        NOT NULL REFERENCES shop_order (order_id),
    version         integer     NOT NULL CHECK (version >= 2),
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);
CREATE INDEX shop_change_notice_due_idx ON shop_change_notice (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX shop_change_notice_order_idx ON shop_change_notice (order_id);
