-- catalog: articles. Prices are numeric and always at the currency's minor units (checked in Java).
CREATE TABLE article (
    id                 uuid PRIMARY KEY,
    sku                text          NOT NULL UNIQUE,
    type               text          NOT NULL CHECK (type IN ('PHYSICAL', 'DIGITAL')),
    name               jsonb         NOT NULL,
    price              numeric(19,4) NOT NULL CHECK (price >= 0),
    currency           char(3)       NOT NULL,
    tax_rate           numeric(6,3)  NOT NULL CHECK (tax_rate BETWEEN 0 AND 100),
    price_includes_tax boolean       NOT NULL DEFAULT false,
    weight_grams       integer       CHECK (weight_grams >= 0),
    backorderable      boolean       NOT NULL DEFAULT false,
    active             boolean       NOT NULL DEFAULT true,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now()
);
