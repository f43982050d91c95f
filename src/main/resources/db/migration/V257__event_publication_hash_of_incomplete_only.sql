-- The hash index on the serialized event served Spring Modulith's completion by event and listener. Modulith 2
-- completes a publication by its id (the primary key); the search by event is left only as its fallback, and that
-- statement asks for incomplete publications (completion_date IS NULL). Indexing every publication ever made
-- hashed each ~2 KB payload twice per event (at the insert, and again at the completion, which changes an indexed
-- column and so writes new entries in every full index), and the index grew with the table. Indexing only the
-- incomplete ones keeps the fallback's lookup fast and costs nothing at completion (docs/benchmarks.md, "The write
-- path").
DROP INDEX IF EXISTS event_publication_serialized_event_hash_idx;
CREATE INDEX event_publication_incomplete_event_hash_idx ON event_publication USING hash (serialized_event)
    WHERE completion_date IS NULL;
