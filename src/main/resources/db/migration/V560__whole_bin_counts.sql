-- purchasing: a whole bin counted in one request (docs/purchasing.md#counting-a-whole-bin) is one cycle count per SKU
-- the bin held or the count listed; this names the whole-bin count they belong to. Null: counted on its own.
ALTER TABLE cycle_count ADD COLUMN bin_count uuid;
CREATE INDEX cycle_count_of_bin_count ON cycle_count (bin_count) WHERE bin_count IS NOT NULL;
