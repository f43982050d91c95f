-- returns: an exchange places a replacement order at once (through the order placement, reserving its stock);
-- the return names it.
ALTER TABLE return_request ADD COLUMN replacement_order_id uuid REFERENCES customer_order (id);
ALTER TABLE return_request ADD COLUMN replacement_order_number text;
ALTER TABLE return_request ADD CONSTRAINT return_request_replacement_only_for_exchange
    CHECK (replacement_order_id IS NULL OR resolution = 'EXCHANGE');

-- payment: what the returned goods of an exchange were worth, moved onto its replacement order once they
-- arrived. It counts as received there; on the returned order it is a booked refund with the RMA number.
ALTER TABLE payment DROP CONSTRAINT payment_kind_check;
ALTER TABLE payment ADD CONSTRAINT payment_kind_check CHECK (kind IN ('BANK_TRANSFER', 'AUTHORIZATION', 'CAPTURE',
    'REFUND', 'VOID', 'FAILURE', 'MARKETPLACE', 'EXCHANGE_CREDIT'));
-- one credit per return, whatever retries happen
CREATE UNIQUE INDEX payment_exchange_credit_once ON payment (order_id, reference) WHERE kind = 'EXCHANGE_CREDIT';
