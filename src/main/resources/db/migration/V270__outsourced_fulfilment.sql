-- Outsourced fulfilment: locations that are not Ordo's own warehouse (a 3PL, or a supplier who ships for us), the
-- requests sent to them through an outbox, and what they report back (shipments, stock). See
-- docs/outsourced-fulfilment.md.

-- inventory: an external location takes reservations like any other but is never picked by Ordo's own staff.
ALTER TABLE location ADD COLUMN external boolean NOT NULL DEFAULT false;

CREATE TABLE fulfilment_partner (
    location_code     text PRIMARY KEY,
    kind              text        NOT NULL CONSTRAINT fulfilment_partner_kind_check
                                  CHECK (kind IN ('THIRD_PARTY_WAREHOUSE', 'DROPSHIP_SUPPLIER')),
    name              text        NOT NULL,
    delivery          text        NOT NULL CHECK (delivery IN ('HTTP', 'FOLDER')),
    url               text,
    secret            text        NOT NULL,
    active            boolean     NOT NULL DEFAULT true,
    stock_reported_at timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CHECK (delivery <> 'HTTP' OR url IS NOT NULL)
);

-- The outbox of fulfilment requests: one per order and external location, claimed by one node at a time.
CREATE TABLE fulfilment_request (
    id              uuid PRIMARY KEY,
    location_code   text        NOT NULL REFERENCES fulfilment_partner (location_code),
    order_id        uuid        NOT NULL,
    order_number    text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SHIPPED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    delivered_to    text,
    cost            numeric(19, 4),
    revenue         numeric(19, 4),
    currency        text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    UNIQUE (order_id, location_code)
);
CREATE INDEX fulfilment_request_due_idx ON fulfilment_request (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');

-- A partner's shipment report, once per partner and its own reference: a repeated report makes no second shipment.
CREATE TABLE partner_shipment (
    location_code text        NOT NULL REFERENCES fulfilment_partner (location_code),
    reference     text        NOT NULL,
    order_id      uuid        NOT NULL,
    shipment_id   uuid        NOT NULL,
    received_at   timestamptz NOT NULL,
    PRIMARY KEY (location_code, reference)
);

-- A partner's stock report (a 3PL's count, a supplier's stock feed), once per reference, with what it changed.
CREATE TABLE partner_stock_report (
    location_code text        NOT NULL REFERENCES fulfilment_partner (location_code),
    reference     text        NOT NULL,
    received_at   timestamptz NOT NULL,
    answer        text        NOT NULL,
    PRIMARY KEY (location_code, reference)
);

-- What a supplier charges per unit of an article it ships for us (from its stock feed): the cost side of the margin.
CREATE TABLE partner_article (
    location_code text           NOT NULL REFERENCES fulfilment_partner (location_code),
    sku           text           NOT NULL,
    unit_cost     numeric(19, 4) NOT NULL CHECK (unit_cost >= 0),
    currency      text           NOT NULL,
    updated_at    timestamptz    NOT NULL,
    PRIMARY KEY (location_code, sku)
);

-- Which way to fulfil: one rule per article, per channel, or the default ('*'); the article's rule wins over the
-- channel's, the channel's over the default. Allocation ranks locations by it (docs/outsourced-fulfilment.md).
CREATE TABLE routing_rule (
    scope      text        NOT NULL CHECK (scope IN ('ARTICLE', 'CHANNEL', 'DEFAULT')),
    key        text        NOT NULL,
    strategy   text        NOT NULL CHECK (strategy IN ('PRIORITY', 'OWN_FIRST', 'THIRD_PARTY_FIRST', 'DROPSHIP_FIRST',
                                                        'LOWEST_COST')),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (scope, key),
    CHECK (scope <> 'DEFAULT' OR key = '*')
);
