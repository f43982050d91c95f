-- Order-change notices to the shops are claimed as every outbox is (docs/design.md, "Outboxes"): a claim id
-- stamped by the round that took the row, and outcomes that hold only while that claim does.
ALTER TABLE shop_change_notice ADD COLUMN claim uuid;
