-- The shop's name and logo as people see them (back office, documents' heads, mails), set by an admin. One row at
-- most; without it the seller's name (ORDO_SELLER_NAME) is the shop's name. The logo is stored as Ordo re-encoded
-- it (a PNG of at most 600 x 300 pixels), never as uploaded.
CREATE TABLE shop_profile (
    id         boolean PRIMARY KEY DEFAULT true CHECK (id),
    name       text CHECK (length(btrim(name)) BETWEEN 1 AND 80 AND name = btrim(name)),
    logo_png   bytea CHECK (octet_length(logo_png) <= 1048576),
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);
