-- The shops' shipment reports and the fulfilment partners' requests are claimed as the other outboxes are
-- (docs/design.md, "Outboxes"): a claim id stamped by the round that took the row, and outcomes that hold only
-- while that claim does. Before, a node whose lease had run out could still set a report another node had sent
-- back to PENDING, and the shop would be told twice.
ALTER TABLE shop_fulfilment ADD COLUMN claim uuid;
ALTER TABLE fulfilment_request ADD COLUMN claim uuid;
