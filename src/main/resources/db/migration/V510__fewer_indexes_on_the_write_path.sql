-- Every placed order writes an entry into every index of the tables it inserts into, and again into each of them
-- when an update changes an indexed column. This drops the indexes no query can use and merges those that read
-- the same key (issue 19 item 4; the queries and their plans before and after are in docs/benchmarks.md, "The write
-- path and two nodes against one"). No invariant rests on any of them: the unique indexes stay.

-- Three indexes led by created_at become one. The queue's newest-first sort (ORDER BY created_at DESC, id DESC,
-- with its keyset (created_at, id) < (...)) reads it backwards; the dashboard's orders per day and channel and the
-- outcomes of the window (V11, V20) read it alone (index-only), which is what its INCLUDE columns are for; the
-- follow-up jobs' oldest-first order reads it forwards.
CREATE INDEX customer_order_placed_idx ON customer_order (created_at, id)
    INCLUDE (channel, status, payment_status, fulfillment_status);
DROP INDEX customer_order_created_idx;
DROP INDEX customer_order_created_channel_idx;
DROP INDEX customer_order_created_outcome_idx;

-- The queue's search matches any part of the e-mail, number or name ("LIKE '%…'") in one OR with the others, so no
-- B-tree serves it and PostgreSQL reads the queue's own order instead: these three were written by every order and
-- read by no query. A lookup by external reference always names the channel and uses the unique
-- customer_order_external_ref_key.
DROP INDEX customer_order_email_idx;
DROP INDEX customer_order_external_ref_idx;
DROP INDEX customer_order_customer_name_idx;

-- No query looks a document up by what it produced (the order points to its document, not the other way round);
-- the index got an entry at the insert and another when the order was placed.
DROP INDEX inbound_document_produced_idx;
