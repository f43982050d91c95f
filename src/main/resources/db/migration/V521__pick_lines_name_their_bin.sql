-- fulfillment: each pick line names the bin it is picked from (the first bin on the pick path holding the SKU when
-- the list was made; null when the warehouse keeps no bins or no bin holds it). Lines are numbered along the path.
ALTER TABLE pick_line ADD COLUMN bin text;
