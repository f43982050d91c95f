-- Shop platforms (Shopify, WooCommerce, Shopware 6) as order channels: each registered shop, the key that seals
-- their secrets, which order came from which shop, and the fulfilments to report back to them (an outbox).

CREATE TABLE shop_channel (
    code             text        PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    platform         text        NOT NULL CHECK (platform IN ('SHOPIFY', 'WOOCOMMERCE', 'SHOPWARE')),
    api_url          text        CHECK (api_url ~ '^https?://'),
    -- AES-GCM sealed (nonce + ciphertext); never returned by the API
    secret_sealed    bytea       NOT NULL,
    api_token_sealed bytea,
    active           boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    disabled_at      timestamptz,
    CHECK (active = (disabled_at IS NULL))
);

-- The key that seals the channels' secrets when ORDO_CHANNELS_SECRET_KEY is not set: made by the first node that
-- needs it. One row only.
CREATE TABLE shop_channel_key (
    id    boolean PRIMARY KEY DEFAULT true CHECK (id),
    value bytea   NOT NULL CHECK (length(value) = 32)
);

-- Which Ordo order a shop's order became: one per shop and platform order id (invariant 2 in docs/design.md),
-- written in the placing transaction.
CREATE TABLE shop_order (
    order_id          uuid PRIMARY KEY,
    channel_code      text NOT NULL REFERENCES shop_channel (code),
    platform_order_id text NOT NULL CHECK (length(platform_order_id) BETWEEN 1 AND 100),
    -- Shopware: the order delivery whose state moves to shipped
    delivery_id       text CHECK (length(delivery_id) <= 100),
    UNIQUE (channel_code, platform_order_id)
);

-- Fulfilments to report to the shop, one per shipment: written after the shipment's commit by the listener of
-- ShipmentShipped (retried by the event publication registry), sent by a dispatcher that claims due rows with
-- FOR UPDATE SKIP LOCKED and retries with back-off until FAILED.
CREATE TABLE shop_fulfilment (
    id              uuid        PRIMARY KEY,
    shipment_id     uuid        NOT NULL UNIQUE,
    order_id        uuid        NOT NULL REFERENCES shop_order (order_id),
    carrier         text        NOT NULL,
    tracking_number text,
    tracking_url    text,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);
CREATE INDEX shop_fulfilment_due_idx ON shop_fulfilment (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX shop_fulfilment_order_idx ON shop_fulfilment (order_id);
