-- Order, article and opening-stock files (docs/imports.md): the column mapping per source, each uploaded file with
-- its preview and progress, its rows staged for the commit, each unit (an order, an article, a stock line) with its
-- outcome, and the errors per row and column.

CREATE TABLE import_mapping (
    kind        text        NOT NULL CHECK (kind IN ('ORDERS', 'ARTICLES', 'STOCK')),
    source      text        NOT NULL,
    columns     jsonb       NOT NULL,
    defaults    jsonb       NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    changed_by  text        NOT NULL,
    PRIMARY KEY (kind, source)
);

CREATE TABLE file_import (
    id               uuid PRIMARY KEY,
    kind             text        NOT NULL CHECK (kind IN ('ORDERS', 'ARTICLES', 'STOCK')),
    source           text        NOT NULL,
    file_name        text        NOT NULL,
    format           text        NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    document_id      uuid        NOT NULL REFERENCES inbound_document (id),
    header           text[]      NOT NULL,
    mapping          jsonb       NOT NULL,
    sha256           text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PREVIEWED', 'IMPORTING', 'DONE')),
    rows             integer     NOT NULL CHECK (rows >= 0),
    units            integer     NOT NULL CHECK (units >= 0),
    rows_with_errors integer     NOT NULL CHECK (rows_with_errors >= 0),
    units_done       integer     NOT NULL DEFAULT 0,
    created          integer     NOT NULL DEFAULT 0,
    already_imported integer     NOT NULL DEFAULT 0,
    failed           integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    created_by       text        NOT NULL,
    committed_at     timestamptz,
    finished_at      timestamptz,
    CONSTRAINT file_import_progress_check CHECK (units_done BETWEEN 0 AND units
        AND created + already_imported + failed = units_done),
    CONSTRAINT file_import_done_check CHECK ((status = 'DONE') = (finished_at IS NOT NULL)
        AND (status <> 'DONE' OR units_done = units))
);
CREATE INDEX file_import_newest ON file_import (created_at DESC, id DESC);

-- Rows as read, until the import is done (the file itself stays as its inbound document)
CREATE TABLE file_import_row (
    import_id  uuid    NOT NULL REFERENCES file_import (id) ON DELETE CASCADE,
    row_no     integer NOT NULL,
    unit       text    NOT NULL,
    cells      text[]  NOT NULL,
    PRIMARY KEY (import_id, row_no)
);
CREATE INDEX file_import_row_unit ON file_import_row (import_id, unit);

CREATE TABLE file_import_unit (
    import_id      uuid    NOT NULL REFERENCES file_import (id) ON DELETE CASCADE,
    unit           text    NOT NULL,
    first_row      integer NOT NULL,
    row_count      integer NOT NULL,
    outcome        text CHECK (outcome IN ('CREATED', 'ALREADY_IMPORTED', 'FAILED')),
    produced_type  text,
    produced_id    uuid,
    PRIMARY KEY (import_id, unit)
);
CREATE UNIQUE INDEX file_import_unit_order ON file_import_unit (import_id, first_row);

CREATE TABLE file_import_error (
    import_id    uuid    NOT NULL REFERENCES file_import (id) ON DELETE CASCADE,
    seq          bigint  GENERATED ALWAYS AS IDENTITY,
    row_no       integer NOT NULL,
    column_name  text,
    message      text    NOT NULL,
    PRIMARY KEY (import_id, seq)
);
CREATE INDEX file_import_error_row ON file_import_error (import_id, row_no, seq);
