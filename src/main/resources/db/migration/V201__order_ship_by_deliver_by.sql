-- The delivery promise of an order (docs/promise.md): the day it must leave and the day it is to arrive.
-- promised_at stays the instant it must ship by (the cut-off on ship_by), for the queue and the reports;
-- orders placed before this migration keep only promised_at, and the caller may name one it agreed.
ALTER TABLE customer_order ADD COLUMN ship_by date;
ALTER TABLE customer_order ADD COLUMN deliver_by date;
