-- promise: shipments kept or flagged early (docs/promise.md, "At risk"). shipped_at is when the shipment left its
-- warehouse; at_risk_since when the risk check first found that the work ahead of it no longer fits before its
-- ship-by cut-off (set once, so staff are alerted once). order_number names the order in the alert.
ALTER TABLE promised_shipment ADD COLUMN order_number text;
ALTER TABLE promised_shipment ADD COLUMN shipped_at timestamptz;
ALTER TABLE promised_shipment ADD COLUMN at_risk_since timestamptz;

-- The risk check reads the open shipments of each warehouse in queue order.
CREATE INDEX promised_shipment_open_idx ON promised_shipment (location, ship_by, created_at)
    WHERE shipped_at IS NULL AND released_at IS NULL;

-- notification: every message kind of V290 plus SHIPMENT_AT_RISK (the staff alert of a shipment at risk).
ALTER TABLE message DROP CONSTRAINT message_kind_check;
ALTER TABLE message ADD CONSTRAINT message_kind_check CHECK (kind IN (
    'ORDER_CONFIRMATION', 'SHIPPING_NOTICE', 'DELIVERY_NOTICE', 'DOWNLOAD_LINKS',
    'INVOICE', 'CREDIT_NOTE', 'QUOTE', 'PAYMENT_REMINDER', 'DELAY_NOTICE',
    'RETURN_AUTHORIZED', 'RETURN_RECEIVED', 'RETURN_REFUNDED', 'REVIEW_REJECTED', 'PURCHASE_ORDER', 'REORDER_ALERT',
    'ORDER_CHANGED', 'UNPAID_ORDER_CANCELLED', 'WEBHOOK_DISABLED', 'SHIPMENT_AT_RISK'));
