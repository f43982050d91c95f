-- intake: the review queue (invariant 6 in docs/design.md). Every inbound document, or part of one (a mail's
-- attachment), that Ordo cannot turn into what it asks for with certainty waits here for a person, with the reason,
-- what could be read and a draft order; an entry is closed only by a person: confirmed (an order placed through the
-- one placement path and linked), rejected or resolved, each with who and when.

CREATE TABLE review_entry (
    id            uuid PRIMARY KEY,
    document_id   uuid        NOT NULL REFERENCES inbound_document (id),
    -- which part of the document the entry is about (an attachment's name); '' for the whole document
    part          text        NOT NULL DEFAULT '',
    kind          text        NOT NULL CHECK (kind IN ('ORDER', 'BANK_STATEMENT', 'EDI', 'OTHER')),
    reason        text        NOT NULL,
    -- the address an answer goes to (a mail's sender), when there is one
    sender        text,
    -- what could be read (a mail's text, a PDF's text, what OCR recognised)
    read_text     text,
    -- a PlaceOrder prefilled from what could be read; an agent corrects it before confirming
    draft         jsonb,
    owner         text,
    opened_at     timestamptz NOT NULL,
    sla_due_at    timestamptz NOT NULL,
    status        text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CONFIRMED', 'REJECTED', 'RESOLVED')),
    decided_by    text,
    decided_at    timestamptz,
    decision_note text,
    order_id      uuid,
    UNIQUE (document_id, part),
    CHECK (sla_due_at >= opened_at),
    -- a confirmed entry names the order it became; every closed entry says who closed it, when, and (unless an
    -- order says it) why
    CHECK (status <> 'CONFIRMED' OR order_id IS NOT NULL),
    CHECK (status = 'OPEN' OR (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
    CHECK (status NOT IN ('REJECTED', 'RESOLVED') OR decision_note IS NOT NULL)
);
CREATE INDEX review_entry_queue_idx ON review_entry (sla_due_at, id) WHERE status = 'OPEN';
CREATE INDEX review_entry_status_idx ON review_entry (status, sla_due_at, id);

-- The documents that wait for review today (bank statements, EDI interchanges) become entries of the queue.
INSERT INTO review_entry (id, document_id, kind, reason, opened_at, sla_due_at)
SELECT gen_random_uuid(), id,
       CASE channel WHEN 'bank-statement' THEN 'BANK_STATEMENT' WHEN 'edi' THEN 'EDI' ELSE 'OTHER' END,
       coalesce(reason, 'waits for review'), received_at, received_at + interval '4 hours'
FROM inbound_document WHERE status = 'REVIEW';
