-- Saved views of the order queue: a name for a filter (the queue's query string), kept per user, or shared with
-- everyone when owner is null (only an admin shares). The back office counts each view's orders live.
CREATE TABLE saved_view (
    id         uuid PRIMARY KEY,
    owner      text REFERENCES users (username),
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 60 AND name = btrim(name)),
    filter     text        NOT NULL CHECK (length(filter) <= 1000),
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL
);

-- A name once per user, and once among the shared views, in any case.
CREATE UNIQUE INDEX saved_view_name_idx ON saved_view (coalesce(owner, ''), lower(name));
