-- The delivery promise (docs/promise.md): the calendars it computes from, the capacity booked per warehouse and
-- day, and the promise of each shipment of an order. Weekdays are bit sets: Monday 1, Tuesday 2, ... Sunday 64.

-- A warehouse's calendar; a location without a row uses the defaults of ordo.promise.* and its address's country.
CREATE TABLE promise_warehouse (
    location       text PRIMARY KEY,
    time_zone      text        NOT NULL,
    country        text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    region         text        CHECK (region ~ '^[A-Z0-9]{1,3}$'),
    working_days   smallint    NOT NULL CHECK (working_days BETWEEN 1 AND 127),
    handling_days  integer     NOT NULL CHECK (handling_days BETWEEN 0 AND 30),
    daily_capacity integer     NOT NULL CHECK (daily_capacity BETWEEN 1 AND 1000000),
    updated_at     timestamptz NOT NULL
);

-- A carrier service: the days it picks up and delivers, its usual cut-off and its transit days per destination.
CREATE TABLE promise_carrier_service (
    carrier       text        NOT NULL,
    service       text        NOT NULL,
    delivery_days smallint    NOT NULL CHECK (delivery_days BETWEEN 1 AND 127),
    cut_off       time        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (carrier, service)
);

-- Transit days per destination country; zone '*' is every other country.
CREATE TABLE promise_transit (
    carrier      text    NOT NULL,
    service      text    NOT NULL,
    zone         text    NOT NULL CHECK (zone = '*' OR zone ~ '^[A-Z]{2}$'),
    transit_days integer NOT NULL CHECK (transit_days BETWEEN 0 AND 60),
    PRIMARY KEY (carrier, service, zone),
    FOREIGN KEY (carrier, service) REFERENCES promise_carrier_service ON DELETE CASCADE
);

-- A warehouse's own cut-off for a carrier service (else the service's).
CREATE TABLE promise_cut_off (
    location text NOT NULL,
    carrier  text NOT NULL,
    service  text NOT NULL,
    cut_off  time NOT NULL,
    PRIMARY KEY (location, carrier, service),
    FOREIGN KEY (carrier, service) REFERENCES promise_carrier_service ON DELETE CASCADE
);

-- Days the company (location '*') or one warehouse does not ship, beyond weekends and public holidays.
CREATE TABLE promise_closing_day (
    location text NOT NULL,
    day      date NOT NULL,
    reason   text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    PRIMARY KEY (location, day)
);

-- Orders booked to ship from a warehouse on a day. Booking is one conditional upsert that never passes the
-- capacity the day has when booked; the CHECK holds it even against a mistake in the code.
CREATE TABLE promise_booking (
    location text    NOT NULL,
    day      date    NOT NULL,
    booked   integer NOT NULL CHECK (booked >= 0),
    capacity integer NOT NULL CHECK (capacity >= 1),
    CONSTRAINT promise_booking_within_capacity CHECK (booked <= capacity),
    PRIMARY KEY (location, day)
);

-- What each order was promised, one row per shipment (warehouse): split orders get one promise each.
CREATE TABLE promised_shipment (
    order_id   uuid        NOT NULL,
    location   text        NOT NULL,
    carrier    text        NOT NULL,
    service    text        NOT NULL,
    source     text        NOT NULL CHECK (source IN ('STOCK', 'INCOMING', 'BACKORDER')),
    ship_by    date        NOT NULL,
    deliver_by date        NOT NULL CHECK (deliver_by >= ship_by),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (order_id, location)
);

-- The six carriers of V8 with a standard service each, so that a fresh start gives real promises: the usual
-- parcel days (Monday to Friday; DHL and Deutsche Post also Saturday), 1 day within Germany, 2 to the neighbours,
-- 3 within the EU and 6 elsewhere; UPS Express 1 day to the EU, 2 elsewhere.
INSERT INTO promise_carrier_service (carrier, service, delivery_days, cut_off, updated_at) VALUES
    ('DHL', 'STANDARD', 63, '15:00', now()),
    ('DPD', 'STANDARD', 31, '15:00', now()),
    ('UPS', 'STANDARD', 31, '16:00', now()),
    ('UPS', 'EXPRESS', 31, '17:00', now()),
    ('GLS', 'STANDARD', 31, '15:00', now()),
    ('HERMES', 'STANDARD', 31, '14:00', now()),
    ('DEUTSCHE_POST', 'STANDARD', 63, '16:00', now());

INSERT INTO promise_transit (carrier, service, zone, transit_days)
SELECT s.carrier, s.service, z.zone, CASE WHEN s.service = 'EXPRESS' THEN z.express ELSE z.standard END
FROM promise_carrier_service s
CROSS JOIN (VALUES ('DE', 1, 1), ('AT', 2, 1), ('CH', 2, 1), ('NL', 2, 1), ('BE', 2, 1), ('FR', 2, 1),
                   ('PL', 2, 1), ('DK', 2, 1), ('CZ', 2, 1), ('LU', 2, 1), ('ES', 3, 1), ('IT', 3, 1),
                   ('SE', 3, 1), ('US', 6, 2), ('KR', 6, 2), ('*', 6, 2)) AS z (zone, standard, express);
