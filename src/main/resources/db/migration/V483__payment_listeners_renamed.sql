-- The payment module's after-commit listeners moved out of PaymentManagement into classes named after what they do
-- (CancellationRefunds, ShipmentCaptures). The event publication registry finds a publication's listener by its id,
-- the method's class and signature: publications still open at the upgrade are renamed, so the registry resubmits
-- them to the listener that does that work now instead of leaving them for nobody.
UPDATE event_publication
SET listener_id = 'org.ordo.payment.CancellationRefunds.on(org.ordo.ordering.OrderCancelled)'
WHERE listener_id = 'org.ordo.payment.PaymentManagement.on(org.ordo.ordering.OrderCancelled)';
UPDATE event_publication
SET listener_id = 'org.ordo.payment.ShipmentCaptures.on(org.ordo.shipping.ShipmentShipped)'
WHERE listener_id = 'org.ordo.payment.PaymentManagement.on(org.ordo.shipping.ShipmentShipped)';
