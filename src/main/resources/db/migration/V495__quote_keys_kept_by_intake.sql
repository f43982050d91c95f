-- billing: a quote's Idempotency-Key, request hash and stored original are kept by intake (idempotency_key,
-- inbound_document) like those of orders and every other creating request, so one mechanism answers replays.
-- Quotes made before keep what they stored; new quotes leave these columns empty.
ALTER TABLE quote ALTER COLUMN client DROP NOT NULL,
                  ALTER COLUMN idempotency_key DROP NOT NULL,
                  ALTER COLUMN request_hash DROP NOT NULL;
