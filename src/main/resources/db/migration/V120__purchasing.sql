-- purchasing: stock policies per SKU and location, reorder alerts, purchase orders and their lines.
-- docs/purchasing.md explains the rules; the CHECK constraints below are what keeps them.

-- party: the language a supplier reads; its purchase orders are written and mailed in it.
ALTER TABLE supplier ADD COLUMN locale text NOT NULL DEFAULT 'en';

-- When and how much to buy of a SKU for one location (a warehouse code of inventory).
CREATE TABLE stock_policy (
    sku              text          NOT NULL,
    location         text          NOT NULL,
    reorder_point    bigint        NOT NULL CHECK (reorder_point >= 0),
    target_level     bigint,
    reorder_quantity bigint        CHECK (reorder_quantity > 0),
    safety_stock     bigint        NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
    supplier_id      uuid,
    supplier_article text,
    purchase_price   numeric(19,4) CHECK (purchase_price >= 0),
    currency         char(3),
    pack_size        bigint        NOT NULL DEFAULT 1 CHECK (pack_size >= 1),
    minimum_order    bigint        NOT NULL DEFAULT 1 CHECK (minimum_order >= 1),
    lead_time_days   integer       CHECK (lead_time_days BETWEEN 0 AND 365),
    updated_at       timestamptz   NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (sku, location),
    -- exactly one of: order up to a target level, or order a fixed quantity
    CONSTRAINT stock_policy_one_rule CHECK (num_nonnulls(target_level, reorder_quantity) = 1),
    CONSTRAINT stock_policy_target_above_reorder_point CHECK (target_level IS NULL OR target_level > reorder_point),
    CONSTRAINT stock_policy_safety_within_reorder_point CHECK (safety_stock <= reorder_point),
    CONSTRAINT stock_policy_price_has_currency CHECK ((purchase_price IS NULL) = (currency IS NULL))
);
CREATE INDEX stock_policy_supplier_idx ON stock_policy (supplier_id);

-- A SKU that fell below its reorder point at a location: one open alert at a time (the unique index), cleared
-- when the stock position is back at or above the reorder point.
CREATE TABLE reorder_alert (
    id            uuid PRIMARY KEY,
    sku           text        NOT NULL,
    location      text        NOT NULL,
    position      bigint      NOT NULL,
    reorder_point bigint      NOT NULL,
    raised_at     timestamptz NOT NULL,
    cleared_at    timestamptz
);
CREATE UNIQUE INDEX reorder_alert_one_open ON reorder_alert (sku, location) WHERE cleared_at IS NULL;
CREATE INDEX reorder_alert_page_idx ON reorder_alert (raised_at DESC, id DESC);

CREATE TABLE purchase_order (
    id           uuid PRIMARY KEY,
    number       text        NOT NULL UNIQUE,
    supplier_id  uuid        NOT NULL,
    location     text        NOT NULL,
    currency     char(3)     NOT NULL,
    status       text        NOT NULL CHECK (status IN ('ORDERED', 'CONFIRMED', 'PARTIALLY_RECEIVED', 'RECEIVED',
                                                        'CLOSED_SHORT', 'CANCELLED')),
    revision     integer     NOT NULL DEFAULT 1 CHECK (revision >= 1),
    note         text,
    reason       text,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CHECK ((status IN ('CLOSED_SHORT', 'CANCELLED')) = (reason IS NOT NULL))
);
CREATE INDEX purchase_order_page_idx ON purchase_order (created_at DESC, id DESC);

-- Each line: ordered, confirmed, received; open is ordered - received while the order is open. A receipt adds to
-- received only while received + quantity <= ordered + tolerance (a conditional UPDATE); the CHECK backs it up.
CREATE TABLE purchase_order_line (
    purchase_order_id uuid          NOT NULL REFERENCES purchase_order (id),
    line_no           integer       NOT NULL CHECK (line_no >= 1),
    sku               text          NOT NULL,
    supplier_article  text,
    ordered           bigint        NOT NULL CHECK (ordered >= 1),
    tolerance         bigint        NOT NULL CHECK (tolerance >= 0),
    confirmed         bigint        CHECK (confirmed >= 0),
    received          bigint        NOT NULL DEFAULT 0,
    unit_price        numeric(19,4) NOT NULL CHECK (unit_price >= 0),
    expected_on       date          NOT NULL,
    confirmed_on      date,
    PRIMARY KEY (purchase_order_id, line_no),
    CONSTRAINT purchase_line_received_within_tolerance CHECK (received >= 0 AND received <= ordered + tolerance)
);
CREATE INDEX purchase_order_line_sku_idx ON purchase_order_line (sku);

-- billing: a purchase order's PDF is a stored document like an invoice's.
ALTER TABLE document DROP CONSTRAINT document_kind_check;
ALTER TABLE document ADD CONSTRAINT document_kind_check CHECK (kind IN ('CONFIRMATION', 'INVOICE', 'CREDIT_NOTE',
    'XRECHNUNG', 'ZUGFERD', 'QUOTE', 'PICK_LIST', 'PURCHASE_ORDER'));

-- notification: the purchase order to the supplier and the reorder alert to the buyers.
ALTER TABLE message DROP CONSTRAINT message_kind_check;
ALTER TABLE message ADD CONSTRAINT message_kind_check CHECK (kind IN (
    'ORDER_CONFIRMATION', 'SHIPPING_NOTICE', 'DELIVERY_NOTICE', 'DOWNLOAD_LINKS',
    'INVOICE', 'CREDIT_NOTE', 'QUOTE', 'PAYMENT_REMINDER', 'DELAY_NOTICE',
    'RETURN_AUTHORIZED', 'RETURN_RECEIVED', 'RETURN_REFUNDED', 'PURCHASE_ORDER', 'REORDER_ALERT'));
