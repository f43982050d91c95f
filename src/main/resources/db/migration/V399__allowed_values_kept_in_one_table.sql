-- platform: the enumerated columns that several modules extend (message, document, movement, payment, review entry
-- and hold kinds, credit note reasons) keep their allowed values in one table, and their CHECK constraint is built
-- from it. Before, each module's migration re-created the constraint from the list it knew, and when two were
-- written side by side the later one dropped the other's values (V190 and V290 had to repair that). Now a module
-- adds a value with
--     SELECT allow_values('message', 'kind', 'NEW_KIND');
-- which inserts it and rebuilds the constraint from every value any migration ever allowed, so no migration can
-- drop another's. The constraint stays a CHECK (not a foreign key), so writing a row costs nothing more.
CREATE TABLE allowed_value (
    table_name  text NOT NULL,
    column_name text NOT NULL,
    value       text NOT NULL,
    PRIMARY KEY (table_name, column_name, value)
);

CREATE FUNCTION allow_values(p_table text, p_column text, VARIADIC p_values text[] DEFAULT '{}') RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    existing record;
    allowed text;
BEGIN
    -- the values of the CHECK constraint(s) listing this column (its own ANY-list), kept before it is replaced
    FOR existing IN
        SELECT c.conname, pg_get_constraintdef(c.oid) AS def
        FROM pg_constraint c
        WHERE c.conrelid = p_table::regclass AND c.contype = 'c'
          AND pg_get_constraintdef(c.oid) ~ ('^CHECK \(+' || p_column || ' = ANY \(ARRAY\[')
    LOOP
        INSERT INTO allowed_value (table_name, column_name, value)
        SELECT p_table, p_column, m[1] FROM regexp_matches(existing.def, '''([^'']+)''::', 'g') AS m
        ON CONFLICT DO NOTHING;
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', p_table, existing.conname);
    END LOOP;
    INSERT INTO allowed_value (table_name, column_name, value)
    SELECT p_table, p_column, v FROM unnest(p_values) AS v
    ON CONFLICT DO NOTHING;
    SELECT string_agg(quote_literal(value), ', ' ORDER BY value) INTO allowed
    FROM allowed_value WHERE table_name = p_table AND column_name = p_column;
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (%I IN (%s))',
                   p_table, p_table || '_' || p_column || '_check', p_column, allowed);
END
$$;

-- Take over today's lists (whatever the migrations before this one left), so from here on they only grow.
SELECT allow_values('message', 'kind');
SELECT allow_values('document', 'kind');
SELECT allow_values('stock_movement', 'kind');
SELECT allow_values('payment', 'kind');
SELECT allow_values('review_entry', 'kind');
SELECT allow_values('customer_order', 'hold_kind');
SELECT allow_values('credit_note', 'reason');

-- And every kind the code knows as of this migration, whichever module's migration last wrote the list.
SELECT allow_values('message', 'kind', 'ORDER_CONFIRMATION', 'SHIPPING_NOTICE', 'DELIVERY_NOTICE', 'DOWNLOAD_LINKS', 'INVOICE', 'CREDIT_NOTE', 'PAYMENT_REMINDER', 'DELAY_NOTICE', 'QUOTE', 'RETURN_AUTHORIZED', 'RETURN_RECEIVED', 'RETURN_REFUNDED', 'PURCHASE_ORDER', 'REORDER_ALERT', 'REVIEW_REJECTED', 'WEBHOOK_DISABLED', 'UNPAID_ORDER_CANCELLED', 'ORDER_CHANGED', 'SHIPMENT_AT_RISK');
SELECT allow_values('document', 'kind', 'CONFIRMATION', 'INVOICE', 'CREDIT_NOTE', 'XRECHNUNG', 'ZUGFERD', 'QUOTE', 'PICK_LIST', 'PURCHASE_ORDER', 'PACKING_SLIP');
SELECT allow_values('stock_movement', 'kind', 'RECEIPT', 'ADJUSTMENT', 'RESERVATION', 'RELEASE', 'ISSUE', 'RETURN', 'QUARANTINE_RELEASE', 'WRITE_OFF', 'TRANSFER_OUT', 'TRANSFER_IN');
SELECT allow_values('customer_order', 'hold_kind', 'FRAUD', 'ADDRESS', 'PAYMENT', 'MANUAL');
SELECT allow_values('review_entry', 'kind', 'ORDER', 'BANK_STATEMENT', 'EDI', 'OTHER', 'LATE_PAYMENT');
SELECT allow_values('credit_note', 'reason', 'CANCELLATION', 'REFUND', 'ORDER_CHANGE');
