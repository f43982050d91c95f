-- payment: what became of each provider event (invariant 9 in docs/design.md). A validly signed event whose
-- amount or currency does not fit its order is kept as REJECTED with the reason, books nothing, and is shown to
-- agents with the order's payments.
ALTER TABLE provider_event ADD COLUMN order_id uuid;
ALTER TABLE provider_event ADD COLUMN outcome text NOT NULL DEFAULT 'PROCESSED'
    CHECK (outcome IN ('PROCESSED', 'IGNORED', 'REJECTED'));
ALTER TABLE provider_event ADD COLUMN reason text;
ALTER TABLE provider_event ADD CONSTRAINT provider_event_rejection_says_why
    CHECK (outcome <> 'REJECTED' OR reason IS NOT NULL);
CREATE INDEX provider_event_order_idx ON provider_event (order_id, received_at) WHERE order_id IS NOT NULL;

-- payment: money a marketplace collected for an order counts as received, like a capture or a transfer.
ALTER TABLE payment DROP CONSTRAINT payment_kind_check;
ALTER TABLE payment ADD CONSTRAINT payment_kind_check CHECK (kind IN ('BANK_TRANSFER', 'AUTHORIZATION', 'CAPTURE',
    'REFUND', 'VOID', 'FAILURE', 'MARKETPLACE'));
