-- payment: a booking made by a person or a client (a refund, a bank transfer) carries its business reference as
-- booking_key, once per order and kind: the same reference again is the same booking, never a second one
-- (issue 22: three refunds of 5.00, two with reference R1, counted 15.00). A bank transfer's key is its reference
-- and booking date, since a payer may pay in parts under the same reference. Rows booked before stay without a key.
ALTER TABLE payment ADD COLUMN booking_key text;
CREATE UNIQUE INDEX payment_booking_once ON payment (order_id, kind, booking_key) WHERE booking_key IS NOT NULL;
