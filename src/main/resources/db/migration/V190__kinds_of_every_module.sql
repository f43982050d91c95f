-- Returns (V117: packing slips) and purchasing (V120: purchase orders) each re-created document_kind_check from
-- the list they knew, so the later one dropped the other's kind. One list with every kind the code writes;
-- KindsInDatabaseIntegrationTests compares it with the Java enums.
ALTER TABLE document DROP CONSTRAINT document_kind_check;
ALTER TABLE document ADD CONSTRAINT document_kind_check CHECK (kind IN ('CONFIRMATION', 'INVOICE', 'CREDIT_NOTE',
    'XRECHNUNG', 'ZUGFERD', 'QUOTE', 'PICK_LIST', 'PURCHASE_ORDER', 'PACKING_SLIP'));
