package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/configuration.md promises every setting in one table: every ORDO_* variable Ordo reads is on it. */
class ConfigurationDocsTests {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(ORDO_[A-Z0-9_]+|SERVER_PORT)[:}]");

    @Test
    void everyVariableOfApplicationPropertiesIsDocumented() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8);
        String page = Files.readString(Path.of("docs/configuration.md"), StandardCharsets.UTF_8);
        TreeSet<String> read = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(properties);
        while (matcher.find()) {
            read.add(matcher.group(1));
        }
        assertThat(read).hasSizeGreaterThan(40);
        assertThat(read).allSatisfy(variable -> assertThat(page).as("docs/configuration.md").contains("`" + variable));
    }
}
