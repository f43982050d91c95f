package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The pages' Content-Security-Policy allows scripts and styles from Ordo's own files only: a template with an
 * inline script, an inline event handler, a style attribute or a <style> element would be broken in the browser.
 */
class TemplatesWithoutInlineCodeTests {

    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bth:src=)(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|\\s(th:)?style\\s*=|<style[\\s>]"
                    + "|hx-on|javascript:|hx-trigger=\"[^\"]*\\[");

    @Test
    void noTemplateHasInlineScriptsOrStyles() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (INLINE.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
