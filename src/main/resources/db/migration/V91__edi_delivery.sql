-- edi: delivery of outgoing messages to the partner (a folder of its own, or an HTTP POST to its URL) through an
-- outbox on edi_message itself, see docs/edi.md. Times are the application's clock (the dispatcher passes it).

ALTER TABLE edi_partner ADD COLUMN delivery text NOT NULL DEFAULT 'NONE'
    CHECK (delivery IN ('NONE', 'FOLDER', 'HTTP'));
ALTER TABLE edi_partner ADD COLUMN delivery_url text;
ALTER TABLE edi_partner ADD CONSTRAINT edi_partner_delivery_url_check
    CHECK ((delivery = 'HTTP') = (delivery_url IS NOT NULL));

-- QUEUED: due at next_delivery_at; SENDING: claimed by a dispatcher until the lease runs out; DELIVERED; FAILED
-- after the last attempt; KEPT: the partner takes no delivery (stored, to be fetched through the API)
ALTER TABLE edi_message ADD COLUMN delivery_status text
    CHECK (delivery_status IN ('QUEUED', 'SENDING', 'DELIVERED', 'FAILED', 'KEPT'));
ALTER TABLE edi_message ADD COLUMN delivery_attempts integer NOT NULL DEFAULT 0 CHECK (delivery_attempts >= 0);
ALTER TABLE edi_message ADD COLUMN next_delivery_at timestamptz;
ALTER TABLE edi_message ADD COLUMN delivery_claim uuid;
ALTER TABLE edi_message ADD COLUMN delivery_claimed_at timestamptz;
ALTER TABLE edi_message ADD COLUMN delivery_error text;
ALTER TABLE edi_message ADD COLUMN delivered_at timestamptz;
ALTER TABLE edi_message ADD COLUMN delivered_to text;

-- messages sent before delivery existed were fetched through the API
UPDATE edi_message SET delivery_status = 'KEPT' WHERE direction = 'OUT';
ALTER TABLE edi_message ADD CONSTRAINT edi_message_delivery_check
    CHECK ((direction = 'OUT') = (delivery_status IS NOT NULL)
           AND (delivery_status IS DISTINCT FROM 'QUEUED' OR next_delivery_at IS NOT NULL)
           AND (delivery_status IS DISTINCT FROM 'SENDING' OR delivery_claim IS NOT NULL)
           AND (delivery_status IS DISTINCT FROM 'DELIVERED' OR delivered_at IS NOT NULL));
CREATE INDEX edi_message_delivery_due_idx ON edi_message (next_delivery_at)
    WHERE delivery_status IN ('QUEUED', 'SENDING');
