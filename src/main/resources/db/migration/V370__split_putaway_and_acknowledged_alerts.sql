-- space: who acknowledged an overflow alert, and the lookup of a SKU's last receipt at a location (the scanner shows
-- every bin a split receipt went into).
ALTER TABLE putaway ADD COLUMN acknowledged_by text;
CREATE INDEX putaway_location_sku_idx ON putaway (location_id, sku, id);
