-- reporting: indexes that let the dashboard's figures be read from an index alone, so that they cost what the
-- window or the backlog holds, not what all orders ever placed hold.

-- Orders per day and channel over the last days: a range of created_at, channel from the index.
CREATE INDEX customer_order_created_channel_idx ON customer_order (created_at, channel);

-- The backlog (open and held orders) by status and age, and which of them are late. Only the live orders are
-- in it, a small part of all orders once the shop has run for a while.
CREATE INDEX customer_order_backlog_idx ON customer_order (status, created_at)
    INCLUDE (promised_at, fulfillment_status) WHERE status IN ('OPEN', 'ON_HOLD');
