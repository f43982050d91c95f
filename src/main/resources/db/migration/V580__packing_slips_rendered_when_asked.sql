-- Packing slips are rendered the first time someone asks for one (docs/returns.md), no longer by a listener when the
-- shipment leaves. Publications to that listener still open at the upgrade would wait for a listener that is gone
-- (and the invariant checker would find them stuck): they are completed. Such a shipment's slip is rendered, like
-- every other one now, when it is first downloaded.
UPDATE event_publication
SET completion_date = now(), status = 'COMPLETED'
WHERE listener_id = 'org.ordo.returns.PackingSlips.on(org.ordo.shipping.ShipmentShipped)'
  AND completion_date IS NULL;
