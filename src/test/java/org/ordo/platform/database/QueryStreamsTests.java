package org.ordo.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A {@code JdbcClient} query read with {@code .stream()} holds its connection until the stream is closed; outside a
 * transaction nobody closes it, and the pool runs dry after as many calls as it has connections (the catalog's
 * article lookup did exactly that). Queries are read with {@code list()}, {@code single()}, {@code optional()} or
 * {@code set()}; a caller that really needs a stream must close it in a try-with-resources, on the same line as
 * the query, which this rule allows.
 */
class QueryStreamsTests {

    /** {@code .query(…)} followed by {@code .stream()} within one statement, with no {@code list()} between. */
    private static final Pattern QUERY_STREAM = Pattern.compile(
            "\\.query\\((?:[^;()]|\\([^;()]*\\))*\\)\\s*\\.stream\\(\\)");

    @Test
    void noRepositoryReadsAQueryAsAnUnclosedStream() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher m = QUERY_STREAM.matcher(code);
                while (m.find()) {
                    int lineStart = code.lastIndexOf('\n', m.start()) + 1;
                    String line = code.substring(lineStart, code.indexOf('\n', m.start()));
                    if (!line.strip().startsWith("try (")) {
                        found.add(source + ":" + (code.substring(0, m.start()).split("\n", -1).length) + ": " + m.group().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(found).as("JdbcClient queries read as a stream that nothing closes").isEmpty();
    }

    @Test
    void theRuleSeesAnUnclosedStream() {
        String leaking = """
                return jdbc.sql("SELECT sku FROM article WHERE active")
                        .query(this::map).stream();
                """;
        String listed = """
                return jdbc.sql("SELECT sku FROM article WHERE active")
                        .query(this::map).list().stream().toList();
                """;
        assertThat(QUERY_STREAM.matcher(leaking).find()).isTrue();
        assertThat(QUERY_STREAM.matcher(listed).find()).isFalse();
    }
}
