-- billing: quotes. A quote is priced like an order and numbered gap-free per series and year (document_counter);
-- accepted within its validity it becomes an order at the quoted prices.
CREATE TABLE quote (
    id               uuid PRIMARY KEY,
    number           text          NOT NULL UNIQUE,
    series           text          NOT NULL,
    year             integer       NOT NULL,
    seq              bigint        NOT NULL,
    status           text          NOT NULL CHECK (status IN ('OPEN', 'SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED')),
    customer_id      uuid          NOT NULL,
    customer_email   text          NOT NULL,
    customer_name    text          NOT NULL,
    locale           text          NOT NULL,
    currency         char(3)       NOT NULL,
    payment_method   text          NOT NULL,
    shipping_address jsonb,
    billing_address  jsonb,
    lines            jsonb         NOT NULL,
    net              numeric(19,4) NOT NULL,
    tax              numeric(19,4) NOT NULL,
    gross            numeric(19,4) NOT NULL,
    valid_until      date          NOT NULL,
    note             text,
    times_sent       integer       NOT NULL DEFAULT 0 CHECK (times_sent >= 0),
    sent_at          timestamptz,
    decided_at       timestamptz,
    decline_reason   text,
    order_id         uuid,
    order_number     text,
    -- who asked for it and with which Idempotency-Key: the same key and body give the same quote again
    client           text          NOT NULL,
    idempotency_key  text          NOT NULL,
    request_hash     text          NOT NULL,
    created_by       text          NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT clock_timestamp(),
    updated_at       timestamptz   NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (series, year, seq),
    UNIQUE (client, idempotency_key),
    CHECK (gross = net + tax),
    CHECK ((status = 'ACCEPTED') = (order_id IS NOT NULL))
);
CREATE INDEX quote_page_idx ON quote (created_at DESC, id DESC);
CREATE INDEX quote_customer_idx ON quote (customer_id, created_at DESC);
-- The expiry job looks only at quotes still waiting for an answer.
CREATE INDEX quote_open_validity_idx ON quote (valid_until) WHERE status IN ('OPEN', 'SENT');
