-- Shopware's app registration handshake (docs/channels.md, "Shopware: the app registration"): the shop asks, signed
-- with the app secret; Ordo answers with a proof and a new shop secret, kept here sealed until the shop confirms with
-- its API credentials, signed with that shop secret. Then the channel is registered (or its secrets rotated).
CREATE TABLE shopware_registration (
    channel_code       text        PRIMARY KEY CHECK (channel_code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    shop_id            text        NOT NULL CHECK (shop_id ~ '^[A-Za-z0-9]{1,64}$'),
    shop_url           text        NOT NULL CHECK (shop_url ~ '^https?://' AND length(shop_url) <= 500),
    -- AES-GCM sealed (nonce + ciphertext)
    shop_secret_sealed bytea       NOT NULL,
    requested_at       timestamptz NOT NULL,
    confirmed_at       timestamptz
);
