-- Shop orders: the shop's own line items of each order, [{"sku": ..., "id": ...}], so that a shipment of part of
-- the order is reported to the shop as exactly the items it holds (Shopify fulfils per fulfillment-order line).
-- Null for orders taken before: their shipments are reported as the whole remaining order, as then.
ALTER TABLE shop_order ADD COLUMN line_items jsonb;
ALTER TABLE shop_order ADD CONSTRAINT shop_order_line_items_array
    CHECK (line_items IS NULL OR jsonb_typeof(line_items) = 'array');
