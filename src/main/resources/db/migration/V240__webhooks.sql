-- Outgoing webhooks (docs/webhooks.md): subscriptions of receivers to public event types, each event written once
-- with its body as sent, one delivery per subscription and event (the outbox), and every attempt with its answer.

CREATE TABLE webhook_subscription (
    id             uuid PRIMARY KEY,
    url            text NOT NULL CHECK (length(url) <= 2000),
    events         text[] NOT NULL CHECK (cardinality(events) > 0),
    description    text CHECK (length(description) <= 500),
    -- Standard Webhooks' secret (whsec_ + base64): kept, because every delivery is signed with it
    secret         text NOT NULL,
    status         text NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    -- the first failed attempt since the last delivered one: a day of failures disables the subscription
    failing_since  timestamptz,
    disabled_at    timestamptz,
    disabled_reason text,
    created_at     timestamptz NOT NULL,
    created_by     text NOT NULL
);

CREATE TABLE webhook_event (
    id           uuid PRIMARY KEY,
    type         text NOT NULL,
    -- deliveries of one subscription with the same key go out in the order of seq: the order id, or the SKU
    ordering_key text NOT NULL,
    body         text NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE SEQUENCE webhook_delivery_seq;

CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY,
    seq             bigint NOT NULL DEFAULT nextval('webhook_delivery_seq'),
    subscription_id uuid NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        uuid NOT NULL REFERENCES webhook_event (id),
    ordering_key    text NOT NULL,
    status          text NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'DELIVERED')),
    attempts        int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    claim           uuid,
    claimed_at      timestamptz,
    last_status     int,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    UNIQUE (subscription_id, event_id),
    CHECK ((status = 'SENDING') = (claim IS NOT NULL))
);
-- what the dispatcher claims, and the earlier undelivered delivery of the same key it waits for
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status <> 'DELIVERED';
CREATE INDEX webhook_delivery_waiting ON webhook_delivery (subscription_id, ordering_key, seq)
    WHERE status <> 'DELIVERED';
CREATE INDEX webhook_delivery_of_subscription ON webhook_delivery (subscription_id, seq DESC);

CREATE TABLE webhook_attempt (
    id           uuid PRIMARY KEY,
    delivery_id  uuid NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL,
    -- the receiver's HTTP status; null when there was no answer (refused, timed out, not allowed)
    status_code  int,
    error        text,
    duration_ms  int NOT NULL
);
CREATE INDEX webhook_attempt_of_delivery ON webhook_attempt (delivery_id, attempted_at);

-- The admin hears when a subscription was disabled after a day of failures.
ALTER TABLE message DROP CONSTRAINT message_kind_check;
ALTER TABLE message ADD CONSTRAINT message_kind_check CHECK (kind IN (
    'ORDER_CONFIRMATION', 'SHIPPING_NOTICE', 'DELIVERY_NOTICE', 'DOWNLOAD_LINKS',
    'INVOICE', 'CREDIT_NOTE', 'QUOTE', 'PAYMENT_REMINDER', 'DELAY_NOTICE',
    'RETURN_AUTHORIZED', 'RETURN_RECEIVED', 'RETURN_REFUNDED', 'REVIEW_REJECTED', 'PURCHASE_ORDER', 'REORDER_ALERT',
    'WEBHOOK_DISABLED'));
