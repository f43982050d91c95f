-- billing: a changed order that was invoiced is invoiced again (docs/order-changes.md): its invoice is credited
-- with reason ORDER_CHANGE and the order gets one invoice per version it was invoiced at, not one for ever.
ALTER TABLE invoice ADD COLUMN order_version integer NOT NULL DEFAULT 1;
ALTER TABLE invoice DROP CONSTRAINT invoice_order_id_series_key;
ALTER TABLE invoice ADD CONSTRAINT invoice_order_version_once UNIQUE (order_id, series, order_version);

ALTER TABLE credit_note DROP CONSTRAINT credit_note_reason_check;
ALTER TABLE credit_note ADD CONSTRAINT credit_note_reason_check
    CHECK (reason IN ('CANCELLATION', 'REFUND', 'ORDER_CHANGE'));
