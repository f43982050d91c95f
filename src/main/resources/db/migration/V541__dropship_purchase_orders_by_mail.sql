-- outsourcing: a dropship supplier without an endpoint gets each fulfilment request as a purchase order mailed as
-- PDF in its language (delivery MAIL), placed with purchasing's own purchase orders for the supplier named here.
SELECT allow_values('fulfilment_partner', 'delivery', 'FOLDER', 'HTTP', 'MAIL');
ALTER TABLE fulfilment_partner
    ADD COLUMN supplier_code text,
    ADD CONSTRAINT fulfilment_partner_mail_supplier_check
        CHECK (delivery <> 'MAIL' OR (supplier_code IS NOT NULL AND kind = 'DROPSHIP_SUPPLIER'));

-- purchasing: such a purchase order is delivered to the customer's address, not to a warehouse of ours, so it brings
-- nothing into stock; it belongs to one fulfilment request, so a request sent again finds it instead of ordering
-- (and mailing) twice.
ALTER TABLE purchase_order
    ADD COLUMN ship_to          jsonb,
    ADD COLUMN dropship_request uuid UNIQUE,
    ADD CONSTRAINT purchase_order_dropship_check CHECK ((ship_to IS NULL) = (dropship_request IS NULL));
