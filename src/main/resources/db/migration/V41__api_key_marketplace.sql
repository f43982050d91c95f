-- platform: an API key may act for one marketplace (set by an administrator when the key is issued). Only such
-- keys, and administrators, may place orders paid on a marketplace: those are marked PAID and released at once.
ALTER TABLE api_key ADD COLUMN marketplace text
    CONSTRAINT api_key_marketplace_name CHECK (marketplace ~ '^[a-z0-9][a-z0-9._-]{0,49}$');

-- payment: orders paid on a marketplace before its money was booked get that booking now, so that what was
-- received agrees with their payment status (invariant 9 in docs/design.md). A one-time data step across the
-- ordering and payment tables, which only a migration may take.
INSERT INTO payment (id, order_id, kind, amount, currency, reference, provider_ref, status, note, actor, at)
SELECT gen_random_uuid(), o.id, 'MARKETPLACE', o.gross, o.currency, NULL, NULL, 'BOOKED',
       'paid on the marketplace (booked when Ordo began to book marketplace payments)', 'system', o.created_at
FROM customer_order o
WHERE o.payment_method = 'marketplace' AND o.payment_status <> 'PENDING'
  AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.order_id = o.id AND p.kind = 'MARKETPLACE');
