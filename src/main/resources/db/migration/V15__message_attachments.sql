-- notification: documents attached to a message, in order. They name stored documents (billing's document ids);
-- the dispatcher fetches the bytes when it sends, so a copy of a message carries the same files.
CREATE TABLE message_attachment (
    message_id  uuid    NOT NULL REFERENCES message (id),
    position    integer NOT NULL CHECK (position >= 0),
    document_id uuid    NOT NULL,
    PRIMARY KEY (message_id, position)
);
