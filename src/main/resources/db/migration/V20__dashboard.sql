-- reporting: indexes for the back office's dashboard, so that its figures cost what the window holds.

-- Shipped on time: the shipments of the window, each checked against an earlier shipment of its order.
CREATE INDEX shipment_shipped_at_idx ON shipment (shipped_at) INCLUDE (order_id);

-- What became of the orders of the window (shipped, returned, refunded, cancelled), from the index alone.
CREATE INDEX customer_order_created_outcome_idx ON customer_order (created_at)
    INCLUDE (status, payment_status, fulfillment_status);
