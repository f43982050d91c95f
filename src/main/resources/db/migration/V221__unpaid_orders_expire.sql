-- ordering: an order that waited too long for its payment is cancelled by the follow-up job (issue 22 item 5);
-- when, so that money arriving after it is recognised as a late payment (booked, and put in the review queue)
-- and the order may be reopened. Reopening clears it.
ALTER TABLE customer_order ADD COLUMN unpaid_expired_at timestamptz;
ALTER TABLE customer_order ADD CONSTRAINT customer_order_expired_only_cancelled
    CHECK (unpaid_expired_at IS NULL OR status = 'CANCELLED');

-- notification: the customer's mail that the unpaid order was cancelled (all kinds of V190 plus this one).
ALTER TABLE message DROP CONSTRAINT message_kind_check;
ALTER TABLE message ADD CONSTRAINT message_kind_check CHECK (kind IN (
    'ORDER_CONFIRMATION', 'SHIPPING_NOTICE', 'DELIVERY_NOTICE', 'DOWNLOAD_LINKS',
    'INVOICE', 'CREDIT_NOTE', 'QUOTE', 'PAYMENT_REMINDER', 'DELAY_NOTICE',
    'RETURN_AUTHORIZED', 'RETURN_RECEIVED', 'RETURN_REFUNDED', 'REVIEW_REJECTED', 'PURCHASE_ORDER', 'REORDER_ALERT',
    'UNPAID_ORDER_CANCELLED'));

-- intake: money that came for an order after it expired waits in the review queue (reopen or refund).
ALTER TABLE review_entry DROP CONSTRAINT review_entry_kind_check;
ALTER TABLE review_entry ADD CONSTRAINT review_entry_kind_check
    CHECK (kind IN ('ORDER', 'BANK_STATEMENT', 'EDI', 'OTHER', 'LATE_PAYMENT'));
