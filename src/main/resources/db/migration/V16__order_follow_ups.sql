-- ordering: follow-ups of open orders, each at most once per order. A payment reminder goes to a prepayment
-- order still unpaid after some days; a delay notice to an order that will miss its promised date. The job that
-- sends them marks the order in the same statement that picks it, so no order is picked twice.
ALTER TABLE customer_order ADD COLUMN payment_reminded_at timestamptz;
ALTER TABLE customer_order ADD COLUMN delay_noticed_at timestamptz;

-- Only the few orders that may still need one are in these indexes.
CREATE INDEX customer_order_reminder_due_idx ON customer_order (created_at)
    WHERE payment_method = 'prepayment' AND payment_status = 'PENDING' AND status = 'OPEN'
      AND payment_reminded_at IS NULL;
CREATE INDEX customer_order_delay_due_idx ON customer_order (promised_at)
    WHERE status = 'OPEN' AND released_at IS NOT NULL AND fulfillment_status IN ('RELEASED', 'BACKORDERED')
      AND delay_noticed_at IS NULL;
