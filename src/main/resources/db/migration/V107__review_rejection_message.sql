-- notification: the mail telling a sender why the review queue rejected what they sent (REVIEW_REJECTED).
ALTER TABLE message DROP CONSTRAINT message_kind_check;
ALTER TABLE message ADD CONSTRAINT message_kind_check CHECK (kind IN (
    'ORDER_CONFIRMATION', 'SHIPPING_NOTICE', 'DELIVERY_NOTICE', 'DOWNLOAD_LINKS',
    'INVOICE', 'CREDIT_NOTE', 'QUOTE', 'PAYMENT_REMINDER', 'DELAY_NOTICE',
    'RETURN_AUTHORIZED', 'RETURN_RECEIVED', 'RETURN_REFUNDED', 'REVIEW_REJECTED'));
