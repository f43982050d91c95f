-- Paper and fax scans uploaded over HTTP (POST /api/v1/paper): each scan is taken once, known by the SHA-256 of its
-- bytes, with its stored original and the review entry it opened (the same scan again answers with that entry).
CREATE TABLE paper_upload (
    sha256          text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    document_id     uuid        NOT NULL REFERENCES inbound_document (id),
    review_entry_id uuid        NOT NULL,
    uploaded_at     timestamptz NOT NULL,
    uploaded_by     text        NOT NULL
);
