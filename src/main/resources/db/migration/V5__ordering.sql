-- ordering: orders, their lines and their timeline. Order tables are keyed by order id so that they can be
-- distributed by it later (Citus); lines and timeline carry order_id first.

CREATE SEQUENCE order_number_seq START 100001;

CREATE TABLE customer_order (
    id                  uuid PRIMARY KEY,
    number              text          NOT NULL UNIQUE,
    channel             text          NOT NULL,
    external_ref        text,
    customer_id         uuid          NOT NULL,
    customer_email      text          NOT NULL,
    customer_name       text          NOT NULL,
    locale              text          NOT NULL,
    currency            char(3)       NOT NULL,
    payment_method      text          NOT NULL,
    status              text          NOT NULL CHECK (status IN ('OPEN', 'ON_HOLD', 'CANCELLED', 'COMPLETED')),
    payment_status      text          NOT NULL CHECK (payment_status IN ('PENDING', 'AUTHORIZED', 'PAID',
                                                      'PARTIALLY_REFUNDED', 'REFUNDED')),
    fulfillment_status  text          NOT NULL CHECK (fulfillment_status IN ('UNFULFILLED', 'BACKORDERED',
                                                      'RELEASED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED',
                                                      'RETURNED')),
    shipping_address    jsonb,
    billing_address     jsonb,
    net                 numeric(19,4) NOT NULL,
    tax                 numeric(19,4) NOT NULL,
    gross               numeric(19,4) NOT NULL,
    note                text,
    promised_at         timestamptz   NOT NULL,
    inbound_document_id uuid,
    created_by          text          NOT NULL,
    created_at          timestamptz   NOT NULL DEFAULT clock_timestamp(),
    updated_at          timestamptz   NOT NULL DEFAULT clock_timestamp(),
    CHECK (gross = net + tax)
);
-- The same external reference from the same channel is the same order: refuse it twice.
CREATE UNIQUE INDEX customer_order_external_ref_key ON customer_order (channel, external_ref)
    WHERE external_ref IS NOT NULL;
-- The queue: by deadline (default) or newest first, optionally by status; keyset pagination on (key, id).
CREATE INDEX customer_order_deadline_idx ON customer_order (promised_at, id);
CREATE INDEX customer_order_created_idx ON customer_order (created_at DESC, id DESC);
CREATE INDEX customer_order_status_deadline_idx ON customer_order (status, promised_at, id);
CREATE INDEX customer_order_customer_idx ON customer_order (customer_id, created_at DESC);
CREATE INDEX customer_order_email_idx ON customer_order (lower(customer_email));
CREATE INDEX customer_order_external_ref_idx ON customer_order (external_ref);

CREATE TABLE order_line (
    order_id     uuid          NOT NULL REFERENCES customer_order (id),
    line_no      integer       NOT NULL,
    sku          text          NOT NULL,
    name         text          NOT NULL,
    type         text          NOT NULL,
    quantity     bigint        NOT NULL CHECK (quantity > 0),
    unit_price   numeric(19,4) NOT NULL,
    tax_rate     numeric(6,3)  NOT NULL,
    price_includes_tax boolean NOT NULL,
    net          numeric(19,4) NOT NULL,
    tax          numeric(19,4) NOT NULL,
    gross        numeric(19,4) NOT NULL,
    reserved     bigint        NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    backordered  bigint        NOT NULL DEFAULT 0 CHECK (backordered >= 0),
    PRIMARY KEY (order_id, line_no),
    CHECK (gross = net + tax),
    CHECK (reserved + backordered <= quantity)
);

-- Invariant 5: every state change of an order, who, when, from, to, why. Append-only.
CREATE TABLE order_timeline (
    order_id    uuid        NOT NULL REFERENCES customer_order (id),
    id          bigint GENERATED ALWAYS AS IDENTITY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text        NOT NULL,
    dimension   text        NOT NULL CHECK (dimension IN ('order', 'payment', 'fulfillment')),
    from_status text,
    to_status   text        NOT NULL,
    reason      text,
    PRIMARY KEY (order_id, id)
);
