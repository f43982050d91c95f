-- purchasing: a cycle count may count one bin (docs/purchasing.md#counting-one-bin); its difference is booked in that
-- bin. Null: the whole location was counted.
ALTER TABLE cycle_count ADD COLUMN bin text;
