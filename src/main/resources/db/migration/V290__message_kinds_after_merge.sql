-- notification: every message kind of every module. V211 (order changes), V221 (unpaid orders expire) and V240
-- (webhooks) each re-created message_kind_check from the list they knew, so the last one (V240) dropped the
-- kinds of the others: the "order changed" and "unpaid order cancelled" mails would have failed to store.
-- KindsInDatabaseIntegrationTests compares this list with MessageKind.
ALTER TABLE message DROP CONSTRAINT message_kind_check;
ALTER TABLE message ADD CONSTRAINT message_kind_check CHECK (kind IN (
    'ORDER_CONFIRMATION', 'SHIPPING_NOTICE', 'DELIVERY_NOTICE', 'DOWNLOAD_LINKS',
    'INVOICE', 'CREDIT_NOTE', 'QUOTE', 'PAYMENT_REMINDER', 'DELAY_NOTICE',
    'RETURN_AUTHORIZED', 'RETURN_RECEIVED', 'RETURN_REFUNDED', 'REVIEW_REJECTED', 'PURCHASE_ORDER', 'REORDER_ALERT',
    'ORDER_CHANGED', 'UNPAID_ORDER_CANCELLED', 'WEBHOOK_DISABLED'));
