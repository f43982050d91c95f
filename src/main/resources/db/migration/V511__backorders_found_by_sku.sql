-- When stock comes back for a SKU (a cancellation, a receipt, a return), ordering locks the backordered lines of that
-- SKU on live orders (Orders.lockBackorders). order_line had only its primary key, so each call read every line
-- ever ordered: 3.4 s per call at 1,000,000 orders (P3), and the write-path bench saw it called five times per
-- placed order while the unpaid-expiry job cancelled old orders. Only backordered lines are in this index, so an
-- order placed from stock writes nothing into it (issue 19 item 4, docs/benchmarks.md).
CREATE INDEX order_line_backordered_sku_idx ON order_line (sku) WHERE backordered > 0;
