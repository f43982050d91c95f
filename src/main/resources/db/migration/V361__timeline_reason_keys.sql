-- order_timeline: a reason can also be kept as a message key with its arguments, so that the order page shows it
-- in the reader's language (docs/order-changes.md#history); reason keeps the English text for the API and logs.
ALTER TABLE order_timeline ADD COLUMN reason_key text, ADD COLUMN reason_args jsonb;
