-- edi: trading partners, their article numbers, and every EDI message in (its outcome) and out (as sent), see
-- docs/edi.md. The interchange itself is an inbound document (intake), stored once as received.

CREATE TABLE edi_partner (
    code                  text        PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    name                  text        NOT NULL,
    customer_id           uuid        NOT NULL REFERENCES customer (id),
    standard              text        NOT NULL CHECK (standard IN ('EDIFACT', 'X12')),
    version               text        NOT NULL,
    sender_qualifier      text,
    sender_id             text        NOT NULL,
    recipient_qualifier   text,
    recipient_id          text        NOT NULL,
    article_numbers       text        NOT NULL CHECK (article_numbers IN ('GTIN', 'PARTNER', 'SKU')),
    currency              char(3)     NOT NULL,
    payment_method        text        NOT NULL,
    ship_to               jsonb,
    -- a line whose price (PRI) differs from ours by more than this percentage goes to review; NULL: not compared
    price_tolerance       numeric(5,2) CHECK (price_tolerance BETWEEN 0 AND 100),
    -- control numbers of outgoing interchanges: taken by a conditional increment, so unique and increasing
    last_control_number   bigint      NOT NULL DEFAULT 0 CHECK (last_control_number BETWEEN 0 AND 99999999999999),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
-- An interchange names its sender: that identifies the partner, so two partners cannot share an identifier.
CREATE UNIQUE INDEX edi_partner_sender_idx ON edi_partner (standard, coalesce(sender_qualifier, ''), sender_id);

CREATE TABLE edi_partner_article (
    partner_code   text NOT NULL REFERENCES edi_partner (code),
    partner_number text NOT NULL CHECK (length(partner_number) BETWEEN 1 AND 35),
    sku            text NOT NULL REFERENCES article (sku),
    PRIMARY KEY (partner_code, partner_number)
);

CREATE TABLE edi_message (
    id                  uuid        PRIMARY KEY,
    partner_code        text        NOT NULL REFERENCES edi_partner (code),
    direction           text        NOT NULL CHECK (direction IN ('IN', 'OUT')),
    type                text        NOT NULL,
    interchange_ref     text        NOT NULL,
    message_ref         text        NOT NULL,
    control_number      bigint,
    outcome             text        NOT NULL CHECK (outcome IN ('PLACED', 'REVIEW', 'REJECTED', 'STORED')),
    reason              text,
    order_id            uuid,
    order_number        text,
    inbound_document_id uuid        REFERENCES inbound_document (id),
    body                text,
    created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK (direction = 'IN' OR (control_number IS NOT NULL AND body IS NOT NULL)),
    CHECK (outcome <> 'PLACED' OR order_id IS NOT NULL),
    CHECK (outcome NOT IN ('REVIEW', 'REJECTED') OR reason IS NOT NULL)
);
-- A message in is taken once per partner, interchange and message reference; a message out has its own number.
CREATE UNIQUE INDEX edi_message_in_idx ON edi_message (partner_code, interchange_ref, message_ref)
    WHERE direction = 'IN';
CREATE UNIQUE INDEX edi_message_control_idx ON edi_message (partner_code, control_number) WHERE direction = 'OUT';
CREATE INDEX edi_message_partner_idx ON edi_message (partner_code, created_at, id);
CREATE INDEX edi_message_document_idx ON edi_message (inbound_document_id);
