-- promise: whether promises were kept (docs/promise.md, "Promises kept"): delivered_at is when the carrier reported
-- the shipment delivered; with shipped_at (V350) it gives the share shipped by ship-by and delivered by deliver-by.
ALTER TABLE promised_shipment ADD COLUMN delivered_at timestamptz;
CREATE INDEX promised_shipment_shipped_idx ON promised_shipment (shipped_at) WHERE shipped_at IS NOT NULL;
