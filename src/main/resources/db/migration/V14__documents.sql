-- billing: rendered documents and credit notes.

-- Every document Ordo hands out (PDF, e-invoice XML), rendered once and kept, so that a second download gives
-- the same bytes. A document is one per kind and number: rendering again finds the stored one.
CREATE TABLE document (
    id          uuid PRIMARY KEY,
    order_id    uuid,
    kind        text        NOT NULL CHECK (kind IN ('CONFIRMATION', 'INVOICE', 'CREDIT_NOTE', 'XRECHNUNG',
                                                     'ZUGFERD', 'QUOTE', 'PICK_LIST')),
    number      text        NOT NULL,
    locale      text        NOT NULL,
    media_type  text        NOT NULL,
    file_name   text        NOT NULL,
    content     bytea       NOT NULL,
    sha256      char(64)    NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (kind, number)
);
CREATE INDEX document_order_idx ON document (order_id, created_at);

-- Credit notes: their own series of gap-free numbers (document_counter), each for one invoice. refund_key names
-- what caused it (the cancellation, or one booked refund), so the same cause never credits twice.
CREATE TABLE credit_note (
    id          uuid PRIMARY KEY,
    number      text          NOT NULL UNIQUE,
    series      text          NOT NULL,
    year        integer       NOT NULL,
    seq         bigint        NOT NULL,
    invoice_id  uuid          NOT NULL REFERENCES invoice (id),
    invoice_number text       NOT NULL,
    order_id    uuid          NOT NULL,
    order_number text         NOT NULL,
    refund_key  text          NOT NULL UNIQUE,
    reason      text          NOT NULL CHECK (reason IN ('CANCELLATION', 'REFUND')),
    customer_email text       NOT NULL,
    customer_name  text       NOT NULL,
    billing_address jsonb,
    currency    char(3)       NOT NULL,
    net         numeric(19,4) NOT NULL CHECK (net >= 0),
    tax         numeric(19,4) NOT NULL CHECK (tax >= 0),
    gross       numeric(19,4) NOT NULL CHECK (gross > 0),
    lines       jsonb         NOT NULL,
    issued_at   timestamptz   NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (series, year, seq),
    CHECK (gross = net + tax)
);
CREATE INDEX credit_note_invoice_idx ON credit_note (invoice_id);
