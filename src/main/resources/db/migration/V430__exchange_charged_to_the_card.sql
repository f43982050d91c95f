-- A dearer replacement of an exchange is charged to the card the returned order was paid with (docs/returns.md):
-- the provider's reusable references (its customer and payment method, as its webhook events name them) are kept
-- per order paid by card. They are references, not card data: only the provider's secret key can charge them.
CREATE TABLE saved_payment_method (
    order_id          uuid        PRIMARY KEY REFERENCES customer_order (id),
    provider          text        NOT NULL,
    provider_customer text        NOT NULL CHECK (provider_customer ~ '^[A-Za-z0-9_]{1,255}$'),
    payment_method    text        NOT NULL CHECK (payment_method ~ '^[A-Za-z0-9_]{1,255}$'),
    kept_at           timestamptz NOT NULL
);

-- A replacement waits for the returned goods that pay it: no payment reminder and no expiry of an unpaid order
-- while nothing is paid (the RMA number whose goods pay it).
ALTER TABLE customer_order ADD COLUMN paid_by_return text CHECK (length(paid_by_return) <= 40);

-- The mail that asks for a dearer replacement's difference when the card could not be charged.
SELECT allow_values('message', 'kind', 'EXCHANGE_DIFFERENCE_DUE');
