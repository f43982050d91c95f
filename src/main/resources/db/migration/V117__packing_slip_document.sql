-- billing's document store: a shipment's packing slip is kept with the order's other documents, rendered once
-- when the shipment leaves, so that a second download (or a reprint) gives the same bytes.
ALTER TABLE document DROP CONSTRAINT document_kind_check;
ALTER TABLE document ADD CONSTRAINT document_kind_check CHECK (kind IN ('CONFIRMATION', 'INVOICE', 'CREDIT_NOTE',
    'XRECHNUNG', 'ZUGFERD', 'QUOTE', 'PICK_LIST', 'PACKING_SLIP'));
