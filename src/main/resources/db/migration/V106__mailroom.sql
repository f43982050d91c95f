-- mailroom: each mail fetched from a mailbox is stored once (invariant 6 in docs/design.md). A mail is known by
-- its mailbox and Message-ID (or, without one, the hash of its bytes) and by its IMAP UID: the row and the stored
-- original are written in one transaction, and the mail is marked seen on the server only after that commit, so a
-- crash between fetching and storing loses nothing (it is fetched again) and duplicates nothing (the row exists).

CREATE TABLE received_mail (
    id            uuid PRIMARY KEY,
    mailbox       text        NOT NULL,
    uid_validity  bigint      NOT NULL,
    uid           bigint      NOT NULL,
    message_id    text        NOT NULL,
    sender        text,
    subject       text,
    document_id   uuid        NOT NULL REFERENCES inbound_document (id),
    received_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- when every part was routed; NULL: the next poll routes the rest (each part once, see received_mail_part)
    routed_at     timestamptz,
    UNIQUE (mailbox, message_id),
    UNIQUE (mailbox, uid_validity, uid)
);
CREATE INDEX received_mail_unrouted_idx ON received_mail (received_at) WHERE routed_at IS NULL;

-- What became of each part of a mail (the text, each attachment): routed once, whatever the number of polls.
CREATE TABLE received_mail_part (
    mail_id      uuid    NOT NULL REFERENCES received_mail (id),
    position     integer NOT NULL CHECK (position >= 0),
    file_name    text,
    content_type text,
    route        text    NOT NULL CHECK (route IN ('EDI', 'ORDER_FILE', 'PDF', 'SCAN', 'TEXT', 'IGNORED')),
    outcome      text    NOT NULL,
    document_id  uuid,
    PRIMARY KEY (mail_id, position)
);

-- How far each mailbox was read (per UIDVALIDITY): the next poll fetches only mails after it, including copies of
-- mails stored before (the same Message-ID under a new UID), which are skipped once and not fetched again.
CREATE TABLE mailbox_cursor (
    mailbox      text   NOT NULL,
    uid_validity bigint NOT NULL,
    last_uid     bigint NOT NULL CHECK (last_uid >= 0),
    PRIMARY KEY (mailbox, uid_validity)
);
