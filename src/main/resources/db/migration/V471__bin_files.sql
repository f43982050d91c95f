-- intake: bin files (a warehouse's bins as CSV or XLSX, docs/warehouse-space.md) go through the file import, so
-- their mapping and imports carry the kind BINS.
SELECT allow_values('import_mapping', 'kind', 'BINS');
SELECT allow_values('file_import', 'kind', 'BINS');
