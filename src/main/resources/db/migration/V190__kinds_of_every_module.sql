-- Returns (V117: packing slips) and purchasing (V120: purchase orders) each re-created document_kind_check from
-- the list they knew, so the later one dropped the other's kind. One list with every kind the code writes;
-- KindsInDatabaseIntegrationTests compares it with the Java enums.
ALTER TABLE document DROP CONSTRAINT document_kind_check;
ALTER TABLE document ADD CONSTRAINT document_kind_check CHECK (kind IN ('CONFIRMATION', 'INVOICE', 'CREDIT_NOTE',
    'XRECHNUNG', 'ZUGFERD', 'QUOTE', 'PICK_LIST', 'PURCHASE_ORDER', 'PACKING_SLIP'));

-- The same for messages: the review queue's rejection (V107) and purchasing's orders and alerts (V120).
ALTER TABLE message DROP CONSTRAINT message_kind_check;
ALTER TABLE message ADD CONSTRAINT message_kind_check CHECK (kind IN (
    'ORDER_CONFIRMATION', 'SHIPPING_NOTICE', 'DELIVERY_NOTICE', 'DOWNLOAD_LINKS',
    'INVOICE', 'CREDIT_NOTE', 'QUOTE', 'PAYMENT_REMINDER', 'DELAY_NOTICE',
    'RETURN_AUTHORIZED', 'RETURN_RECEIVED', 'RETURN_REFUNDED', 'REVIEW_REJECTED', 'PURCHASE_ORDER', 'REORDER_ALERT'));
