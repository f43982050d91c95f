-- notification: the outbox of messages to customers. A row is written in the transaction of the change that
-- caused it; dispatchers claim due rows with FOR UPDATE SKIP LOCKED, so no two nodes send one at once.
CREATE TABLE message (
    id              uuid PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('ORDER_CONFIRMATION', 'SHIPPING_NOTICE', 'DELIVERY_NOTICE',
                                                         'DOWNLOAD_LINKS')),
    order_id        uuid,
    channel         text        NOT NULL CHECK (channel IN ('EMAIL')),
    recipient       text        NOT NULL,
    locale          text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'KEPT')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    claim           uuid,
    claimed_at      timestamptz,
    last_error      text,
    -- kind, order and e.g. shipment: a re-delivered event never queues the same message twice; null for copies
    dedupe_key      text UNIQUE,
    resent_from     uuid REFERENCES message (id),
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    sent_at         timestamptz
);
CREATE INDEX message_due_idx ON message (created_at) WHERE status IN ('QUEUED', 'SENDING');
CREATE INDEX message_order_idx ON message (order_id, created_at);
CREATE INDEX message_page_idx ON message (created_at DESC, id DESC);
CREATE INDEX message_status_page_idx ON message (status, created_at DESC, id DESC);
