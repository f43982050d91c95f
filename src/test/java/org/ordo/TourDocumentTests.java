package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * docs/tour.md is docs/tour.sh as a page: its {@code #|} lines are the prose, every other line is shown as code.
 * The script is what {@link TourIntegrationTests} runs, so the page cannot promise a step that does not work.
 * {@code -Dordo.tour.write=true} rewrites the page from the script.
 */
class TourDocumentTests {

    static final Path SCRIPT = Path.of("docs/tour.sh");
    static final Path PAGE = Path.of("docs/tour.md");

    @Test
    void theTourPageIsTheScriptAsItRuns() throws IOException {
        String rendered = render(Files.readAllLines(SCRIPT, StandardCharsets.UTF_8));
        if (Boolean.getBoolean("ordo.tour.write")) {
            Files.writeString(PAGE, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "")
                .as("docs/tour.md is out of date with docs/tour.sh; run this test with -Dordo.tour.write=true")
                .isEqualTo(rendered);
    }

    @Test
    void proseBecomesTextAndCommandsBecomeCodeBlocks() {
        assertThat(render(List.of("#!/usr/bin/env bash", "#| # Title", "#|", "#| Text.", "a=1", "", "b=2", "#| More.")))
                .isEqualTo("# Title\n\nText.\n\n```sh\na=1\n\nb=2\n```\n\nMore.\n");
    }

    static String render(List<String> script) {
        StringBuilder page = new StringBuilder();
        List<String> code = new ArrayList<>();
        for (String line : script) {
            if (line.startsWith("#!")) {
                continue;
            }
            if (line.startsWith("#|")) {
                appendCode(page, code);
                page.append(line.length() > 2 ? line.substring(3) : "").append('\n');
            } else {
                code.add(line);
            }
        }
        appendCode(page, code);
        return page.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    private static void appendCode(StringBuilder page, List<String> code) {
        while (!code.isEmpty() && code.get(0).isBlank()) {
            code.remove(0);
        }
        while (!code.isEmpty() && code.get(code.size() - 1).isBlank()) {
            code.remove(code.size() - 1);
        }
        if (!code.isEmpty()) {
            page.append("\n```sh\n").append(String.join("\n", code)).append("\n```\n\n");
        }
        code.clear();
    }
}
