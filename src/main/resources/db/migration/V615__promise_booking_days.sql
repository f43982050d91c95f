-- A warehouse's booked day as one row beside its stripes (docs/adr/0009-a-days-capacity-booked-in-stripes.md): its
-- capacity (the sum of its stripes' shares, written only when the stripes are made or shared out again), so that a
-- booking checks the capacity it asks for against one row instead of summing the day's stripes; and whether the day
-- was found full, so that the promise's read of the days to pass over reads one row per day (the full ones) instead
-- of every stripe of every booked day. A day is marked full only by a transaction that holds its row and then sees no
-- stripe with room; a booking given back clears the mark under the same row lock, so a day marked full never has
-- room (the checker's capacity-not-overbooked says so when it does). No booking writes this row.
CREATE TABLE promise_booking_day (
    location text    NOT NULL,
    day      date    NOT NULL,
    capacity integer NOT NULL CHECK (capacity >= 1),
    found_full boolean NOT NULL DEFAULT false,
    PRIMARY KEY (location, day)
);

INSERT INTO promise_booking_day (location, day, capacity, found_full)
SELECT location, day, sum(capacity), sum(booked) >= sum(capacity)
FROM promise_booking_stripe GROUP BY location, day;
