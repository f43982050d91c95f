-- promise: each node keeps the calendars in memory (docs/promise.md, "Measured"); this one-row counter tells it
-- when they changed. Every write to a calendar table, on any node or by hand, counts it up in the writer's
-- transaction, so a node that sees the same number has the same calendars.
CREATE TABLE promise_calendar_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version  bigint  NOT NULL
);
INSERT INTO promise_calendar_version (only_row, version) VALUES (true, 1);

CREATE FUNCTION promise_calendar_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE promise_calendar_version SET version = version + 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER promise_warehouse_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON promise_warehouse
    FOR EACH STATEMENT EXECUTE FUNCTION promise_calendar_changed();
CREATE TRIGGER promise_carrier_service_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON promise_carrier_service
    FOR EACH STATEMENT EXECUTE FUNCTION promise_calendar_changed();
CREATE TRIGGER promise_transit_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON promise_transit
    FOR EACH STATEMENT EXECUTE FUNCTION promise_calendar_changed();
CREATE TRIGGER promise_cut_off_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON promise_cut_off
    FOR EACH STATEMENT EXECUTE FUNCTION promise_calendar_changed();
CREATE TRIGGER promise_closing_day_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON promise_closing_day
    FOR EACH STATEMENT EXECUTE FUNCTION promise_calendar_changed();
