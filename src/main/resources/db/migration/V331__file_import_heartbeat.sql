-- File imports: the node running an import touches heartbeat_at at its start and after each batch of units. An
-- import IMPORTING whose heartbeat is older than ordo.imports.resume-after lost its node (a crash, a restart) and is
-- taken over by another: its units without an outcome are taken then, each once (docs/imports.md).
ALTER TABLE file_import ADD COLUMN heartbeat_at timestamptz;
UPDATE file_import SET heartbeat_at = committed_at WHERE status = 'IMPORTING';
CREATE INDEX file_import_importing_idx ON file_import (heartbeat_at) WHERE status = 'IMPORTING';
CREATE INDEX file_import_previewed_idx ON file_import (created_at) WHERE status = 'PREVIEWED';
