-- billing: document numbers and invoices.

-- One counter per series and year. Taking a number updates its row, which stays locked until the invoice's
-- transaction ends: a rollback gives the number back, so numbers have no gaps even under concurrency.
CREATE TABLE document_counter (
    series text    NOT NULL,
    year   integer NOT NULL,
    last   bigint  NOT NULL CHECK (last > 0),
    PRIMARY KEY (series, year)
);

CREATE TABLE invoice (
    id          uuid PRIMARY KEY,
    number      text          NOT NULL UNIQUE,
    series      text          NOT NULL,
    year        integer       NOT NULL,
    seq         bigint        NOT NULL,
    order_id    uuid          NOT NULL,
    order_number text         NOT NULL,
    customer_email text       NOT NULL,
    customer_name  text       NOT NULL,
    billing_address jsonb,
    currency    char(3)       NOT NULL,
    net         numeric(19,4) NOT NULL,
    tax         numeric(19,4) NOT NULL,
    gross       numeric(19,4) NOT NULL,
    lines       jsonb         NOT NULL,
    issued_at   timestamptz   NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (series, year, seq),
    UNIQUE (order_id, series),
    CHECK (gross = net + tax)
);
CREATE INDEX invoice_order_idx ON invoice (order_id);
