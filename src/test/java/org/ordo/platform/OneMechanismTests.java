package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * "One mechanism, one place" (docs/design.md, conventions): the answers and helpers that existed in several copies
 * are built in one class now. These read Ordo's sources and fail when a hand-built copy comes back.
 */
class OneMechanismTests {

    private static final Path SOURCES = Path.of("src/main/java/org/ordo");

    @Test
    void everyIllegalTransitionConflictIsBuiltByIllegalTransition() {
        Pattern handBuilt = Pattern.compile("\"illegal-transition\"|ConflictException\\(\\s*IllegalTransition\\.TYPE");
        assertThat(filesMatching(handBuilt))
                .as("409 illegal-transition is built by platform/IllegalTransition, not by hand")
                .containsOnly("platform/IllegalTransition.java");
    }

    @Test
    void everyIdempotencyKeyIsKeptByIntake() {
        assertThat(filesMatching(Pattern.compile("request_hash|IDEMPOTENCY_HEADER\\s*=")))
                .as("orders, quotes and every creating request claim their key through intake's Intake")
                .containsOnly("intake/Intake.java", "intake/internal/IdempotencyKeys.java");
    }

    @Test
    void everyIdempotentAnswerIsBuiltByIdempotentAnswer() {
        assertThat(filesMatching(Pattern.compile("\"Idempotent-Replayed\"")))
                .as("the replay header is named once: platform/IdempotentAnswer")
                .containsOnly("platform/IdempotentAnswer.java");
        // the stored answer of an idempotent request (status, Location, ETag, replay header, JSON) is built by
        // IdempotentAnswer.answer; the scan upload answers its review entry object, not a stored body
        assertThat(filesMatching(Pattern.compile("\\.header\\(\\s*IdempotentAnswer\\.REPLAYED")))
                .as("controllers answer an idempotent request with IdempotentAnswer.answer, not by hand")
                .containsOnly("mailroom/web/PaperController.java");
    }

    @Test
    void statementsTakeTheirTimeFromTheClockNotFromTheDatabase() {
        // only the outboxes' own timing (next attempt, claim lease, heartbeat) and the event registry's stay on the
        // database's time, which every node shares (docs/design.md, conventions)
        Pattern databaseTime = Pattern.compile("(?<![.\\w])(now\\(\\)|clock_timestamp\\(\\)|current_timestamp"
                + "|localtimestamp|current_date)", Pattern.CASE_INSENSITIVE);
        List<String> found;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            found = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> databaseTime.matcher(sql(read(f))).find())
                    .map(f -> SOURCES.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(found).as("SQL written by Ordo passes the injected Clock's instant")
                .containsOnly("audit/internal/EventPublications.java", "edi/internal/EdiMessages.java",
                        "intake/internal/ImportedFiles.java", "notification/internal/Messages.java");
    }

    /** The SQL of a source file: its text blocks and the one-line statements given to {@code jdbc.sql}. */
    private static String sql(String source) {
        StringBuilder sql = new StringBuilder();
        String[] parts = source.split("\"\"\"", -1);
        for (int i = 1; i < parts.length; i += 2) {
            sql.append(parts[i]).append('\n');
        }
        java.util.regex.Matcher oneLine = Pattern.compile("\\.sql\\(\"([^\"\\n]*)\"").matcher(source);
        while (oneLine.find()) {
            sql.append(oneLine.group(1)).append('\n');
        }
        return sql.toString();
    }

    /** The relative paths (under org/ordo) of the source files in which {@code pattern} is found. */
    static List<String> filesMatching(Pattern pattern) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> pattern.matcher(read(f)).find())
                    .map(f -> SOURCES.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
