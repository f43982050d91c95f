-- A warehouse's day is booked in stripes (docs/adr/0009-a-days-capacity-booked-in-stripes.md): its capacity is split
-- into shares that add up to it, one row each, and a booking locks one stripe with room that no other placement
-- holds (FOR UPDATE SKIP LOCKED), so concurrent placements on one day do not wait for each other. Each stripe keeps
-- CHECK booked <= capacity (its share); the day's capacity is the sum of its shares. Days booked before keep their
-- one row as stripe 0, holding the whole capacity; a capacity change shares them out again.
ALTER TABLE promise_booking RENAME TO promise_booking_stripe;
ALTER TABLE promise_booking_stripe ADD COLUMN stripe smallint NOT NULL DEFAULT 0 CHECK (stripe >= 0);
ALTER TABLE promise_booking_stripe ALTER COLUMN stripe DROP DEFAULT;
ALTER TABLE promise_booking_stripe DROP CONSTRAINT promise_booking_pkey;
ALTER TABLE promise_booking_stripe ADD CONSTRAINT promise_booking_stripe_pkey PRIMARY KEY (location, day, stripe);
-- a stripe's share may be 0 (a day whose capacity was lowered below what it had booked keeps each stripe's booked
-- count as its share); the day's capacity, their sum, is at least 1
ALTER TABLE promise_booking_stripe DROP CONSTRAINT promise_booking_capacity_check;
ALTER TABLE promise_booking_stripe ADD CONSTRAINT promise_booking_stripe_share_not_negative CHECK (capacity >= 0);
ALTER TABLE promise_booking_stripe RENAME CONSTRAINT promise_booking_within_capacity
    TO promise_booking_stripe_within_share;

-- A day as before: orders booked on it and its capacity, over its stripes.
CREATE VIEW promise_booking AS
SELECT location, day, CAST(sum(booked) AS integer) AS booked, CAST(sum(capacity) AS integer) AS capacity
FROM promise_booking_stripe GROUP BY location, day;
