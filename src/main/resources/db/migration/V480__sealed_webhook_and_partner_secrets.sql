-- Secrets Ordo must use again in clear are stored sealed (AES-256-GCM with the key of ORDO_CHANNELS_SECRET_KEY, or
-- the one kept in shop_channel_key), as the shops' have been since V100: a receiver's Standard Webhooks signing
-- secret and a fulfilment partner's shared secret. See docs/webhooks.md and docs/outsourced-fulfilment.md.
-- Rows written before this migration keep their clear text until the first start after it seals them: SQL cannot,
-- because the key may live outside the database. Until then both are read; a row never has both, nor neither.
ALTER TABLE webhook_subscription ADD COLUMN secret_sealed bytea;
ALTER TABLE webhook_subscription ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE webhook_subscription ADD CONSTRAINT webhook_subscription_secret_once
    CHECK (num_nonnulls(secret, secret_sealed) = 1);

ALTER TABLE fulfilment_partner ADD COLUMN secret_sealed bytea;
ALTER TABLE fulfilment_partner ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE fulfilment_partner ADD CONSTRAINT fulfilment_partner_secret_once
    CHECK (num_nonnulls(secret, secret_sealed) = 1);
