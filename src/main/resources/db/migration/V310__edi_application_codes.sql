-- X12 functional groups name the applications that send and receive them (GS02, GS03), which a partner may
-- agree apart from the interchange identifiers in ISA (docs/edi.md, "X12 application codes").
ALTER TABLE edi_partner
    ADD COLUMN application_sender_code   text CHECK (application_sender_code ~ '^[A-Za-z0-9 ._/-]{2,15}$'),
    ADD COLUMN application_receiver_code text CHECK (application_receiver_code ~ '^[A-Za-z0-9 ._/-]{2,15}$');
