-- Mailboxes an administrator sets up in the back office (docs/intake.md, "Mailboxes"), polled beside those of the
-- ORDO_IMAP_* settings. The password is sealed with the key every module seals with (platform SealedSecrets) and
-- never shown again. A name is the mailbox's name in what is stored (a mail once per mailbox), so it never changes.
CREATE TABLE mailbox (
    name             text        PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    host             text        NOT NULL CHECK (host ~ '^[A-Za-z0-9.:-]{1,253}$'),
    port             integer     NOT NULL CHECK (port BETWEEN 1 AND 65535),
    ssl              boolean     NOT NULL,
    username         text        NOT NULL CHECK (length(username) BETWEEN 1 AND 254),
    -- AES-GCM sealed (nonce + ciphertext)
    password_sealed  bytea       NOT NULL,
    folder           text        NOT NULL CHECK (length(folder) BETWEEN 1 AND 200),
    max_mail_bytes   bigint      NOT NULL CHECK (max_mail_bytes BETWEEN 1048576 AND 104857600),
    active           boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    updated_by       text        NOT NULL,
    last_test_at     timestamptz,
    last_test_result text        CHECK (length(last_test_result) <= 500)
);
