-- Access ends when it is taken away (invariant 11 in docs/design.md). Every change that takes access away from a
-- person (disabled, another role, a new password) moves their access_version on; a back-office session remembers
-- the version it logged in with and is ended on its next request when the two differ (ADR 0006).
ALTER TABLE users ADD COLUMN access_version bigint NOT NULL DEFAULT 1;

-- The security audit log: who changed whose access, which logins failed or were throttled, which keys were issued
-- or revoked, which webhooks were refused. Append-only like the stock ledger: nothing is edited or deleted.
CREATE TABLE security_event (
    id          uuid PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    kind        text        NOT NULL CHECK (kind ~ '^[A-Z][A-Z_]{2,49}$'),
    actor       text        NOT NULL,
    subject     text        NOT NULL,
    detail      text,
    address     text
);
CREATE INDEX security_event_newest_idx ON security_event (occurred_at DESC, id DESC);

CREATE FUNCTION security_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'security_event is append-only';
END $$;
CREATE TRIGGER security_event_append_only BEFORE UPDATE OR DELETE ON security_event
    FOR EACH ROW EXECUTE FUNCTION security_event_append_only();
CREATE TRIGGER security_event_no_truncate BEFORE TRUNCATE ON security_event
    FOR EACH STATEMENT EXECUTE FUNCTION security_event_append_only();

-- Failed logins per user name ('user:<name>') and per client address ('address:<ip>'): after too many, logins
-- for that name or from that address are refused until locked_until, a window that doubles with each further
-- failure. Shared by every node, so that a guesser gains nothing by spreading attempts over nodes.
CREATE TABLE login_failure (
    throttle_key    text        PRIMARY KEY,
    failures        integer     NOT NULL CHECK (failures > 0),
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);
-- Rows whose failures are forgotten are deleted as new failures come in (so names made up by a guesser do not pile up).
CREATE INDEX login_failure_last_idx ON login_failure (last_failure_at);
