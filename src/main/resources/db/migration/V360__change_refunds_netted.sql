-- payment: a refund requested by an order change and not paid out yet can be withdrawn when a later change
-- raises the total again (the refunds of several changes are netted, docs/order-changes.md). All values of
-- payment_status_check as of now, plus WITHDRAWN.
ALTER TABLE payment DROP CONSTRAINT payment_status_check;
ALTER TABLE payment ADD CONSTRAINT payment_status_check CHECK (status IN ('BOOKED', 'REQUESTED', 'FAILED', 'WITHDRAWN'));
