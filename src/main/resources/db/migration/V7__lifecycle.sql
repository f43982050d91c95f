-- The order lifecycle: payment terms of customers, holds and release of orders, payments and provider events.

-- party: may this customer get goods before paying (invoice, cash on delivery), and up to what open amount.
ALTER TABLE customer ADD COLUMN ship_before_payment boolean NOT NULL DEFAULT false;
ALTER TABLE customer ADD COLUMN credit_limit numeric(19,4) CHECK (credit_limit >= 0);

-- ordering: holds, release to the warehouse, what has been paid and shipped.
ALTER TABLE customer_order ADD COLUMN hold_kind text CHECK (hold_kind IN ('FRAUD', 'ADDRESS', 'PAYMENT', 'MANUAL'));
ALTER TABLE customer_order ADD COLUMN hold_reason text;
ALTER TABLE customer_order ADD COLUMN released_at timestamptz;
ALTER TABLE customer_order ADD COLUMN paid numeric(19,4) NOT NULL DEFAULT 0;
ALTER TABLE customer_order ADD CONSTRAINT customer_order_hold_only_when_held
    CHECK ((status = 'ON_HOLD') = (hold_kind IS NOT NULL));
ALTER TABLE order_line ADD COLUMN shipped bigint NOT NULL DEFAULT 0 CHECK (shipped >= 0);
ALTER TABLE order_line ADD CONSTRAINT order_line_shipped_within_quantity CHECK (shipped <= quantity);
CREATE INDEX customer_order_released_idx ON customer_order (released_at, promised_at) WHERE released_at IS NOT NULL;

-- payment: every payment, authorization, capture and refund of an order, as recorded.
CREATE TABLE payment (
    id            uuid PRIMARY KEY,
    order_id      uuid          NOT NULL,
    kind          text          NOT NULL CHECK (kind IN ('BANK_TRANSFER', 'AUTHORIZATION', 'CAPTURE', 'REFUND',
                                                          'VOID', 'FAILURE')),
    amount        numeric(19,4) NOT NULL CHECK (amount >= 0),
    currency      char(3)       NOT NULL,
    reference     text,
    provider_ref  text,
    status        text          NOT NULL CHECK (status IN ('BOOKED', 'REQUESTED', 'FAILED')),
    note          text,
    actor         text          NOT NULL,
    at            timestamptz   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX payment_order_idx ON payment (order_id, at);

-- Provider webhook events already handled: a replayed event changes nothing.
CREATE TABLE provider_event (
    provider    text        NOT NULL,
    event_id    text        NOT NULL,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (provider, event_id)
);
