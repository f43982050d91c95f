-- A timeline reason Ordo writes itself is stored as a code with its arguments too, so the back office shows it
-- in the reader's language; `reason` keeps the English sentence for the API and for older entries.
ALTER TABLE order_timeline
    ADD COLUMN reason_code text,
    ADD COLUMN reason_args jsonb;
