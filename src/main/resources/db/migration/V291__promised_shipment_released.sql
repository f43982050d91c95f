-- promise: a cancelled order gives its booked ship days back (docs/promise.md). released_at marks the promises
-- whose day was given back, so that a cancellation handled twice gives it back once.
ALTER TABLE promised_shipment ADD COLUMN released_at timestamptz;
