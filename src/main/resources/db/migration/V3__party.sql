-- party: customers and suppliers. Customers are identified by their e-mail address, case-insensitively.
CREATE TABLE customer (
    id          uuid PRIMARY KEY,
    email       text        NOT NULL,
    name        text        NOT NULL,
    phone       text,
    locale      text        NOT NULL DEFAULT 'en' CHECK (locale IN ('de', 'en', 'es', 'ko')),
    type        text        NOT NULL DEFAULT 'CONSUMER' CHECK (type IN ('CONSUMER', 'BUSINESS')),
    company     text,
    vat_id      text,
    sms_consent boolean     NOT NULL DEFAULT false,
    addresses   jsonb       NOT NULL DEFAULT '[]',
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE UNIQUE INDEX customer_email_key ON customer (lower(email));
CREATE INDEX customer_created_idx ON customer (created_at DESC, id DESC);

CREATE TABLE supplier (
    id             uuid PRIMARY KEY,
    code           text        NOT NULL UNIQUE,
    name           text        NOT NULL,
    email          text,
    phone          text,
    address        jsonb,
    lead_time_days integer     CHECK (lead_time_days BETWEEN 0 AND 365),
    currency       char(3),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
