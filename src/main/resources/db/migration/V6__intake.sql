-- intake: every inbound document as received (invariant 6), and idempotency keys for order intake (invariant 2).

CREATE TABLE inbound_document (
    id             uuid PRIMARY KEY,
    channel        text        NOT NULL,
    content_type   text,
    body           bytea       NOT NULL,
    sha256         text        NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    received_by    text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('RECEIVED', 'PROCESSED', 'REVIEW', 'DISCARDED')),
    reason         text,
    produced_type  text,
    produced_id    uuid,
    processed_at   timestamptz
);
CREATE INDEX inbound_document_status_idx ON inbound_document (status, received_at);
CREATE INDEX inbound_document_produced_idx ON inbound_document (produced_id);

CREATE TABLE idempotency_key (
    client        text        NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    status        integer,
    response      text,
    order_id      uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client, key)
);
