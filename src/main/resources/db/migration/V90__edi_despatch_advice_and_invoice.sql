-- edi: despatch advices (DESADV / 856) and invoices (INVOIC / 810) out, see docs/edi.md.

-- What an outgoing message answers beyond its interchange: the shipment (DESADV) or the invoice number (INVOIC).
-- One message per partner, type and subject: a redelivered event cannot send a second despatch advice.
ALTER TABLE edi_message ADD COLUMN subject text;
CREATE UNIQUE INDEX edi_message_subject_idx ON edi_message (partner_code, type, subject)
    WHERE direction = 'OUT' AND subject IS NOT NULL;
CREATE INDEX edi_message_order_idx ON edi_message (order_id) WHERE order_id IS NOT NULL;

-- Serial numbers of the SSCCs on parcels of EDI orders (SSCC = 0, GS1 company prefix, serial, check digit)
CREATE SEQUENCE edi_sscc_serial;
