package org.ordo.intake;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ordo.intake.internal.IdempotencyKeys;
import org.ordo.intake.internal.ImportMappings;
import org.ordo.intake.internal.ImportedFiles;
import org.ordo.intake.internal.InboundDocuments;
import org.ordo.intake.internal.TabularFile;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.Ids;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * Order, article and opening-stock files (CSV or XLSX) in two steps: a preview reads the whole file as a stream,
 * checks every row and stages the rows, changing nothing else; the import then takes unit by unit (an order with
 * all its rows, an article, a stock line), each whole or not at all, through the one path of its kind: orders
 * through {@link OrderFileRows} and {@code OrderManagement.place}, articles through the catalog, stock through the
 * inventory's receipt. Each unit is idempotent per source and key (an order's reference): the same file again
 * creates nothing. The file is stored as received; each unit's rows are stored as its own original, linked to what
 * it produced.
 */
@Service
public class FileImports {

    private static final Logger log = LoggerFactory.getLogger(FileImports.class);
    /** Who sends a file (its mapping's name); the OpenAPI document states it for the {@code source} parameters. */
    public static final String SOURCE_PATTERN = "^[a-z0-9][a-z0-9._-]{0,63}$";
    /** Rows staged (and their SKUs looked up) per statement batch while reading. */
    private static final int STAGE_BATCH = 1000;
    /** Units taken between two updates of the progress shown. */
    private static final int PROGRESS_BATCH = 100;

    private final ImportedFiles files;
    private final ImportMappings mappings;
    private final InboundDocuments documents;
    private final IdempotencyKeys keys;
    private final List<FileRows> kinds;
    private final Json json;
    private final TaskExecutor executor;
    private final TransactionTemplate transaction;
    private final java.time.Clock clock;
    private final java.time.Duration resumeAfter;
    private final java.time.Duration keepPreviews;

    FileImports(ImportedFiles files, ImportMappings mappings, InboundDocuments documents, IdempotencyKeys keys,
            List<FileRows> kinds, Json json, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            PlatformTransactionManager transactions, java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${ordo.imports.resume-after:PT5M}")
            java.time.Duration resumeAfter,
            @org.springframework.beans.factory.annotation.Value("${ordo.imports.keep-previews:P2D}")
            java.time.Duration keepPreviews) {
        this.clock = clock;
        this.resumeAfter = resumeAfter;
        this.keepPreviews = keepPreviews;
        this.files = files;
        this.mappings = mappings;
        this.documents = documents;
        this.keys = keys;
        this.kinds = kinds;
        this.json = json;
        this.executor = executor;
        // Each step in a transaction of its own, also when a caller (the mailbox poller) is in one: a unit's order
        // commits or rolls back alone, and the staged rows are visible to the import that follows
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Imports an order file from another channel (a mail attachment) at once: previews it and takes every order
     * it holds, returning when all are done. The same file again creates nothing. A file that cannot be read is
     * refused (422, {@link InvalidInputException} naming {@code file}) and nothing is stored.
     */
    public FileImport importOrderFile(String source, String fileName, byte[] bytes) {
        FileImport preview = preview(ImportKind.ORDERS, source, fileName, null, bytes);
        files.claim(preview.id());
        run(preview.id(), Actor.current());
        return find(preview.id());
    }

    /**
     * Reads and checks the whole file and stores it with its rows staged, in one transaction: the preview, with the
     * units found and every row's errors. Creates no order, article or stock. A file that cannot be read with
     * certainty (encoding, zip bomb, formulas, too many columns, a huge cell, a missing mapped column) is refused
     * with 422 naming {@code file} and the row, and nothing is stored.
     */
    public FileImport preview(ImportKind kind, String source, String fileName, String contentType, byte[] bytes) {
        List<FieldError> faults = new ArrayList<>();
        if (kind == null) {
            faults.add(new FieldError("type", Wording.of("intake.must_be_one_of_orders_articles")));
        }
        if (source == null || !source.matches(SOURCE_PATTERN)) {
            faults.add(new FieldError("source", Wording.of("intake.is_required_1_64_lower_case")));
        }
        if (fileName == null || fileName.isBlank() || fileName.length() > 200) {
            faults.add(new FieldError("fileName", Wording.of("intake.is_required_the_file_s_name")));
        } else if (TextInput.fault(fileName, false) != null) {
            faults.add(new FieldError("fileName", TextInput.fault(fileName, false)));
        }
        if (bytes == null || bytes.length == 0) {
            faults.add(new FieldError("file", Wording.of("intake.is_required_the_file_as_it")));
        }
        if (!faults.isEmpty()) {
            throw new InvalidInputException(faults);
        }
        ColumnMapping mapping = mapping(kind, source);
        FileRows rowsOfKind = rowsOf(kind);
        String actor = Actor.current();
        try {
            return transaction.execute(tx -> {
                Reading reading = new Reading(kind, source, fileName, contentType, bytes, mapping, rowsOfKind, actor);
                TabularFile.Format format = TabularFile.read(fileName, contentType, bytes, reading::row);
                reading.end(format);
                return find(reading.id);
            });
        } catch (TabularFile.Unreadable e) {
            throw new InvalidInputException(List.of(new FieldError("file", e.wording())));
        }
    }

    /**
     * Starts the import of a previewed file and returns at once; {@link #find} shows its progress. Refuses (409) a
     * file that is being imported or done: each file is imported once.
     */
    public FileImport commit(ImportKind kind, UUID id) {
        find(kind, id);
        if (!transaction.execute(tx -> files.claim(id))) {
            throw new ConflictException("import-started", "Import already started",
                    Wording.of("intake.this_file_is_being_imported_or"));
        }
        String actor = Actor.current();
        executor.execute(() -> Actor.as(actor, () -> {
            run(id, actor);
            return null;
        }));
        return find(id);
    }

    @org.springframework.scheduling.annotation.Scheduled(initialDelayString = "PT1M",
            fixedDelayString = "${ordo.imports.housekeeping-every:PT1M}")
    void housekeeping() {
        try {
            resumeStalled();
            dropUncommittedPreviews();
        } catch (RuntimeException e) {
            log.warn("Import housekeeping failed: {}", e.getMessage());
        }
    }

    /**
     * Takes over the imports whose node stopped while IMPORTING (no heartbeat for {@code ordo.imports.resume-after})
     * and runs each to its end in the background, as the one who committed it: the units done before keep their
     * outcome, the others are taken now, each once (a unit whose transaction committed just before the crash is
     * found by its idempotency key as ALREADY_IMPORTED). Answers the imports taken over.
     */
    public List<UUID> resumeStalled() {
        List<UUID> resumed = new ArrayList<>();
        java.util.Optional<ImportedFiles.Stalled> stalled;
        while ((stalled = transaction.execute(tx -> files.takeOverStalled(clock.instant().minus(resumeAfter),
                clock.instant()))).isPresent()) {
            ImportedFiles.Stalled import_ = stalled.get();
            log.warn("Import {} stopped with its node; taken over and resumed", import_.id());
            resumed.add(import_.id());
            executor.execute(() -> Actor.as(import_.createdBy(), () -> {
                run(import_.id(), import_.createdBy());
                return null;
            }));
        }
        return resumed;
    }

    /**
     * Removes previews never committed after {@code ordo.imports.keep-previews}: their staged rows are the bulk of
     * what an import stores. The uploaded file stays as its inbound document. Answers how many were removed.
     */
    public int dropUncommittedPreviews() {
        int dropped = transaction.execute(tx -> files.dropPreviewsBefore(clock.instant().minus(keepPreviews)));
        if (dropped > 0) {
            log.info("Removed {} file import previews never committed", dropped);
        }
        return dropped;
    }

    /** The import of a file of this kind; 404 for an id of another kind. */
    public FileImport find(ImportKind kind, UUID id) {
        FileImport found = find(id);
        if (found.kind() != kind) {
            throw new NotFoundException("File import", id);
        }
        return found;
    }

    public FileImport find(UUID id) {
        return files.find(id).orElseThrow(() -> new NotFoundException("File import", id));
    }

    /** The newest imports, without their errors. */
    public List<FileImport> newest(int limit) {
        return files.newest(limit);
    }

    /** Errors of an import, by row. */
    public List<FileImport.RowError> errors(UUID id, int limit) {
        find(id);
        return files.errors(id, limit);
    }

    /** The mapping saved for the source, or columns named like the fields. */
    public ColumnMapping mapping(ImportKind kind, String source) {
        return mappings.find(kind, source)
                .map(m -> new ColumnMapping(json.read(m.columns(), new TypeReference<Map<String, String>>() { }),
                        json.read(m.defaults(), new TypeReference<Map<String, String>>() { })))
                .orElse(ColumnMapping.byFieldNames());
    }

    /** Saves the source's mapping for the kind, replacing the one before; refuses unknown fields (422). */
    public ColumnMapping saveMapping(ImportKind kind, String source, ColumnMapping mapping) {
        if (source == null || !source.matches(SOURCE_PATTERN)) {
            throw new InvalidInputException("source", Wording.of("intake.must_be_1_64_lower_case"));
        }
        if (mapping == null) {
            throw new InvalidInputException("body", Wording.of("intake.is_required_columns_defaults"));
        }
        mapping.check(kind);
        transaction.executeWithoutResult(tx -> mappings.save(kind, source, json.write(mapping.columns()),
                json.write(mapping.defaults()), Actor.current()));
        return mapping(kind, source);
    }

    private FileRows rowsOf(ImportKind kind) {
        return kinds.stream().filter(k -> k.kind() == kind).findFirst().orElseThrow();
    }

    // --- preview ------------------------------------------------------------------------------------------------

    /** One file being read: its header, then its rows checked and staged in batches. */
    private final class Reading {

        final UUID id = Ids.next();
        final ImportKind kind;
        final String source;
        final String fileName;
        final String contentType;
        final byte[] bytes;
        final ColumnMapping mapping;
        final FileRows rowsOfKind;
        final String actor;
        Header header;
        int rows;
        final List<FileRows.Row> pending = new ArrayList<>();

        Reading(ImportKind kind, String source, String fileName, String contentType, byte[] bytes,
                ColumnMapping mapping, FileRows rowsOfKind, String actor) {
            this.kind = kind;
            this.source = source;
            this.fileName = fileName;
            this.contentType = contentType;
            this.bytes = bytes;
            this.mapping = mapping;
            this.rowsOfKind = rowsOfKind;
            this.actor = actor;
        }

        void row(int rowNo, List<String> cells) {
            if (cells.stream().allMatch(String::isEmpty)) {
                return;
            }
            if (header == null) {
                header = Header.of(kind, mapping, cells, rowNo);
                TabularFile.Format format = TabularFile.formatOf(fileName, contentType, bytes);
                UUID document = documents.store("file", contentType != null ? contentType
                        : format == TabularFile.Format.XLSX ? XLSX : "text/csv", bytes, actor);
                files.insert(new ImportedFiles.NewFile(id, kind, source, fileName, format.name(), document,
                        org.ordo.platform.Sha256.hex(bytes), cells, json.write(mapping), actor));
                return;
            }
            rows++;
            pending.add(header.read(rowNo, cells));
            if (pending.size() >= STAGE_BATCH) {
                flush();
            }
        }

        void flush() {
            List<FileImport.RowError> errors = new ArrayList<>();
            for (FileRows.Row row : pending) {
                errors.addAll(row.errors());
            }
            errors.addAll(rowsOfKind.check(pending, header::columnOf));
            files.stage(id, pending.stream().map(r -> new ImportedFiles.StagedRow(r.rowNo(),
                    r.unit() != null ? r.unit() : "(row " + r.rowNo() + ")", r.cells())).toList());
            files.errors(id, errors);
            pending.clear();
        }

        void end(TabularFile.Format format) {
            if (header == null) {
                throw new TabularFile.Unreadable(0, Wording.of("intake.file_no_header"));
            }
            flush();
            String keyField = kind == ImportKind.STOCK ? "location" : kind == ImportKind.ORDERS ? "reference"
                    : kind == ImportKind.BINS ? "code" : "sku";
            files.previewed(id, rows, kind.manyRowsPerUnit(), header.columnOf(keyField), kind.unit());
        }
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Where each field is in the file's header; refuses a mapped column the file lacks. */
    record Header(ImportKind kind, ColumnMapping mapping, List<String> names, Map<String, Integer> positions) {

        static Header of(ImportKind kind, ColumnMapping mapping, List<String> names, int rowNo) {
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && byName.putIfAbsent(name, i) != null) {
                    throw new TabularFile.Unreadable(rowNo, Wording.of("intake.file_column_twice",
                            names.get(i).strip()));
                }
            }
            Map<String, Integer> positions = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String field : kind.fields()) {
                Integer at = byName.get(mapping.columnOf(field).strip().toLowerCase(Locale.ROOT));
                if (at != null) {
                    positions.put(field, at);
                } else if (mapping.columns().containsKey(field)) {
                    missing.add("\"" + mapping.columnOf(field) + "\" (mapped to " + field + ")");
                } else if (kind.required().contains(field) && !mapping.defaults().containsKey(field)) {
                    missing.add("\"" + field + "\"");
                }
            }
            if (!missing.isEmpty()) {
                String columns = String.join(", ", missing);
                throw new TabularFile.Unreadable(rowNo, missing.size() > 1
                        ? Wording.of("intake.file_lacks_columns", rowNo, columns)
                        : Wording.of("intake.file_lacks_column", rowNo, columns));
            }
            return new Header(kind, mapping, List.copyOf(names), positions);
        }

        String columnOf(String field) {
            Integer at = positions.get(field);
            return at != null ? names.get(at) : mapping.columnOf(field);
        }

        /** A row's values by field (a cell, else the default; empty is none), with what is wrong in its text. */
        FileRows.Row read(int rowNo, List<String> cells) {
            Map<String, String> values = new HashMap<>();
            List<FileImport.RowError> errors = new ArrayList<>();
            for (String field : kind.fields()) {
                Integer at = positions.get(field);
                String value = at != null && at < cells.size() ? cells.get(at) : "";
                if (value.isEmpty()) {
                    value = mapping.defaults().get(field);
                } else {
                    org.ordo.platform.Wording fault = TextInput.fault(value, false);
                    if (fault != null) {
                        errors.add(new FileImport.RowError(rowNo, columnOf(field), fault));
                    }
                }
                if (value != null) {
                    values.put(field, value);
                }
            }
            return new FileRows.Row(rowNo, cells, values, kind.unitOf(values), errors);
        }
    }

    // --- import ---------------------------------------------------------------------------------------------------

    private enum Outcome {
        CREATED, ALREADY_IMPORTED, FAILED
    }

    /** Takes every unit of a claimed import, in file order, and marks it done; progress is counted by batch. */
    void run(UUID id, String actor) {
        ImportedFiles.Staged staged = files.staged(id).orElseThrow();
        FileRows rowsOfKind = rowsOf(staged.kind());
        ColumnMapping mapping = json.read(staged.mapping(), ColumnMapping.class);
        Header header = Header.of(staged.kind(), mapping, staged.header(), 1);
        int after = 0;
        try {
            while (true) {
                List<ImportedFiles.Unit> units = files.nextUnits(id, after, PROGRESS_BATCH);
                if (units.isEmpty()) {
                    break;
                }
                Map<String, List<ImportedFiles.StagedRow>> rows = files.rowsOf(id,
                        units.stream().map(ImportedFiles.Unit::key).toList());
                int[] counts = new int[3];
                for (ImportedFiles.Unit unit : units) {
                    List<FileRows.Row> read = rows.getOrDefault(unit.key(), List.of()).stream()
                            .map(r -> header.read(r.rowNo(), r.cells())).toList();
                    counts[take(staged, header, rowsOfKind, unit, read, actor).ordinal()]++;
                    after = unit.firstRow();
                }
                transaction.executeWithoutResult(tx -> {
                    files.progress(id, counts[0], counts[1], counts[2]);
                    files.heartbeat(id, clock.instant());
                });
            }
        } catch (RuntimeException e) {
            log.error("Import {} stopped; its remaining units are marked failed", id, e);
            List<ImportedFiles.Unit> left;
            while (!(left = files.nextUnits(id, 0, 1000)).isEmpty()) {
                for (ImportedFiles.Unit unit : left) {
                    fail(staged, unit.key(), List.of(new FileImport.RowError(unit.firstRow(), null,
                            Wording.of("intake.import_stopped", e.getClass().getSimpleName()))));
                }
            }
        }
        transaction.executeWithoutResult(tx -> {
            files.finish(id);
            FileImport done = find(id);
            if (done.failed() == 0) {
                documents.processed(staged.documentId(), "FILE_IMPORT", id);
            } else {
                documents.review(staged.documentId(), done.failed() + " of " + done.units() + " "
                        + staged.kind().unitName() + "s of file import " + id + " failed; its errors name each row");
            }
        });
    }

    /**
     * Takes one unit whole or not at all: its rows with preview errors fail it at once; otherwise, in one
     * transaction, the unit's key is claimed with its rows stored as its original, and what it describes is made.
     * A key taken before with the same content is ALREADY_IMPORTED; with other content it fails.
     */
    private Outcome take(ImportedFiles.Staged staged, Header header, FileRows rowsOfKind, ImportedFiles.Unit unit,
            List<FileRows.Row> rows, String actor) {
        UUID id = staged.id();
        List<Integer> rowNumbers = rows.stream().map(FileRows.Row::rowNo).toList();
        List<Integer> faulty = files.rowsWithErrors(id, rowNumbers);
        if (!faulty.isEmpty() || rows.stream().anyMatch(r -> r.unit() == null)) {
            String which = faulty.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
            fail(staged, unit.key(), rowNumbers.size() == 1 && !faulty.isEmpty() ? List.of()
                    : List.of(new FileImport.RowError(unit.firstRow(), null, faulty.size() == 1
                            ? Wording.of("intake.unit_not_imported_row", staged.kind().unit(), which)
                            : Wording.of("intake.unit_not_imported_rows", staged.kind().unit(), which))));
            return Outcome.FAILED;
        }
        String client = "file:" + staged.kind().code() + ":" + staged.source();
        String key = rowsOfKind.key(unit.key(), rows.get(0).values(), staged.sha256());
        String hash = hash(rows, staged.kind());
        byte[] original = original(header, rows);
        try {
            return transaction.execute(tx -> {
                UUID document = keys.claimAndStore(client, key, hash, "file", "text/csv; charset=utf-8", original,
                        actor).orElse(null);
                if (document == null) {
                    IdempotencyKeys.Stored before = keys.find(client, key).orElseThrow();
                    if (!before.requestHash().equals(hash)) {
                        throw new ConflictException("import-key-reused", "Imported before with other content",
                                Wording.of("intake.this_was_imported_from_before_with", staged.kind().unit(),
                                        unit.key(), staged.source()));
                    }
                    files.outcome(id, unit.key(), Outcome.ALREADY_IMPORTED.name(), null, before.producedId());
                    return Outcome.ALREADY_IMPORTED;
                }
                FileRows.Made made = rowsOfKind.make(new FileRows.Unit(staged.source(), staged.fileName(), unit.key(),
                        rows, document, actor));
                keys.completeWithDocument(client, key, 201, json.write(Map.of("type", made.type(),
                        "id", String.valueOf(made.id()))), made.type(), made.id(), document);
                files.outcome(id, unit.key(), Outcome.CREATED.name(), made.type(), made.id());
                return Outcome.CREATED;
            });
        } catch (InvalidInputException e) {
            fail(staged, unit.key(), e.errors().stream().map(f -> rowsOfKind.locate(f, rows, header::columnOf))
                    .toList());
        } catch (ConflictException | NotFoundException e) {
            Wording wording = e instanceof ConflictException c ? c.wording() : ((NotFoundException) e).wording();
            fail(staged, unit.key(), List.of(wording == null ? new FileImport.RowError(unit.firstRow(), null,
                    e.getMessage()) : new FileImport.RowError(unit.firstRow(), null, wording)));
        }
        return Outcome.FAILED;
    }

    private void fail(ImportedFiles.Staged staged, String unit, List<FileImport.RowError> errors) {
        transaction.executeWithoutResult(tx -> {
            files.errors(staged.id(), errors);
            files.outcome(staged.id(), unit, Outcome.FAILED.name(), null, null);
        });
    }

    /** What the unit says, independent of where its columns are: the same order in another layout is the same. */
    private static String hash(List<FileRows.Row> rows, ImportKind kind) {
        StringBuilder canonical = new StringBuilder();
        for (FileRows.Row row : rows) {
            for (String field : kind.fields()) {
                String value = row.values().get(field);
                canonical.append(field).append('=').append(value == null ? "" : value).append('\u001f');
            }
            canonical.append('\n');
        }
        return org.ordo.platform.Sha256.hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The unit's rows under the file's header, as CSV: the original an order (article, stock line) links to. */
    private static byte[] original(Header header, List<FileRows.Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header.names());
            for (FileRows.Row row : rows) {
                printer.printRecord(row.cells());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
