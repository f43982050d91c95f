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
