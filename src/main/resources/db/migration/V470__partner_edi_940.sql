-- outsourcing: a 3PL that wants EDI gets each fulfilment request as an X12 940 warehouse shipping order instead of
-- JSON, addressed with both parties' interchange identifiers. Each request carries its own control number, so a
-- request sent again (a retry) is the same interchange to the partner.
ALTER TABLE fulfilment_partner
    ADD COLUMN request_format  text NOT NULL DEFAULT 'JSON' CHECK (request_format IN ('JSON', 'X12_940')),
    ADD COLUMN edi_sender_id   text,
    ADD COLUMN edi_receiver_id text,
    ADD CONSTRAINT fulfilment_partner_edi_ids_check
        CHECK (request_format <> 'X12_940' OR (edi_sender_id IS NOT NULL AND edi_receiver_id IS NOT NULL));

CREATE SEQUENCE fulfilment_request_control_number;
ALTER TABLE fulfilment_request
    ADD COLUMN control_number bigint NOT NULL DEFAULT nextval('fulfilment_request_control_number');
