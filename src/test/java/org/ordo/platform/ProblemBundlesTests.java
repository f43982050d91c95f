package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every refusal Ordo writes can be said in its four languages: each bundle of {@code messages/problems} has the same
 * entries in en, de, es and ko with the same arguments, each entry is a valid pattern, every key the code names
 * exists, and no refusal is written as an English literal that the back office could not translate.
 */
class ProblemBundlesTests {

    private static final Path BUNDLES = Path.of("src/main/resources", Wording.BUNDLES);
    private static final Path CODE = Path.of("src/main/java/org/ordo");
    private static final List<String> LANGUAGES = List.of("de", "es", "ko");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void everyBundleIsInEveryLanguageWithTheSameEntriesAndArguments() throws IOException {
        List<String> faults = new ArrayList<>();
        for (String bundle : bundles()) {
            Properties en = read(bundle, "en");
            for (String language : LANGUAGES) {
                Path file = BUNDLES.resolve(bundle + "_" + language + ".properties");
                if (!Files.exists(file)) {
                    faults.add(file + " is missing");
                    continue;
                }
                Properties other = read(bundle, language);
                Set<String> missing = new TreeSet<>(en.stringPropertyNames());
                missing.removeAll(other.stringPropertyNames());
                Set<String> extra = new TreeSet<>(other.stringPropertyNames());
                extra.removeAll(en.stringPropertyNames());
                missing.forEach(k -> faults.add(bundle + "_" + language + " lacks " + k));
                extra.forEach(k -> faults.add(bundle + "_" + language + " has " + k + ", which English lacks"));
                for (String key : other.stringPropertyNames()) {
                    String english = en.getProperty(key);
                    if (english == null) {
                        continue;
                    }
                    String text = other.getProperty(key);
                    if (!placeholders(english).equals(placeholders(text))) {
                        faults.add(bundle + "_" + language + "." + key + " has the arguments " + placeholders(text)
                                + ", English " + placeholders(english));
                    }
                    if (text.equals(english) && english.matches(".*[a-z]{3,} [a-z]{3,}.*")) {
                        faults.add(bundle + "_" + language + "." + key + " is still English: " + text);
                    }
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void everyEntryIsAPatternThatFormats() throws IOException {
        List<String> faults = new ArrayList<>();
        for (String bundle : bundles()) {
            for (String language : Stream.concat(Stream.of("en"), LANGUAGES.stream()).toList()) {
                if (!Files.exists(BUNDLES.resolve(bundle + "_" + language + ".properties"))) {
                    continue;
                }
                Properties p = read(bundle, language);
                for (String key : p.stringPropertyNames()) {
                    try {
                        new MessageFormat(p.getProperty(key)).format(new Object[] {"a", "b", "c", "d", "e", "f"});
                    } catch (IllegalArgumentException e) {
                        faults.add(bundle + "_" + language + "." + key + ": " + e.getMessage());
                    }
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesExistsInEnglish() throws IOException {
        Pattern named = Pattern.compile("Wording\\.of\\(\\s*\"([a-z_]+)\\.([^\"]*[^\".])\"");
        Pattern thing = Pattern.compile("new (?:org\\.ordo\\.platform\\.)?NotFoundException\\(\\s*\"([^\"]+)\"");
        List<String> faults = new ArrayList<>();
        for (Path file : javaFiles()) {
            String code = Files.readString(file);
            Matcher m = named.matcher(code);
            while (m.find()) {
                if (!Files.exists(BUNDLES.resolve(m.group(1) + "_en.properties"))
                        || !read(m.group(1), "en").containsKey(m.group(2))) {
                    faults.add(file + " names " + m.group(1) + "." + m.group(2) + ", which no bundle has");
                }
            }
            Matcher t = thing.matcher(code);
            while (t.find()) {
                if (!read("platform", "en").containsKey("thing." + NotFoundException.slug(t.group(1)))) {
                    faults.add(file + " says " + t.group(1) + " does not exist; platform lacks thing."
                            + NotFoundException.slug(t.group(1)));
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void noRefusalIsWrittenAsAnEnglishLiteral() throws IOException {
        // the constructor or factory, and the index of its message argument
        List<Object[]> sites = List.of(new Object[] {"new FieldError(", 1}, new Object[] {"new InvalidInputException(", 1},
                new Object[] {"ConflictException(", 2}, new Object[] {"new IllegalTransition(", 1},
                new Object[] {"PreconditionException.failed(", 2}, new Object[] {"PreconditionException.required(", 0});
        List<String> faults = new ArrayList<>();
        for (Path file : javaFiles()) {
            String code = Files.readString(file);
            for (Object[] site : sites) {
                String call = (String) site[0];
                int index = (Integer) site[1];
                for (int at = code.indexOf(call); at >= 0; at = code.indexOf(call, at + 1)) {
                    int lineStart = code.lastIndexOf('\n', at) + 1;
                    String before = code.substring(lineStart, at).strip();
                    if (before.startsWith("*") || before.startsWith("//") || call.equals("ConflictException(")
                            && !before.endsWith("new") && !before.endsWith("new org.ordo.platform.")) {
                        continue;
                    }
                    List<String> args = JavaArguments.of(code, at + call.length());
                    if (args.size() > index && (call.equals("new InvalidInputException(") ? args.size() == 2 : true)
                            && JavaArguments.hasLiteral(args.get(index))) {
                        faults.add(file + ":" + (code.substring(0, at).split("\n", -1).length) + " " + call
                                + args.get(index).strip());
                    }
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void everyFieldARefusalNamesHasALabelInEveryLanguage() throws IOException {
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        Pattern name = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
        List<String> calls = List.of("new FieldError(", "new InvalidInputException(",
                "new org.ordo.platform.FieldError(", "new org.ordo.platform.InvalidInputException(");
        Set<String> named = new TreeSet<>();
        for (Path file : javaFiles()) {
            String code = Files.readString(file);
            for (String call : calls) {
                for (int at = code.indexOf(call); at >= 0; at = code.indexOf(call, at + 1)) {
                    List<String> args = JavaArguments.of(code, at + call.length());
                    if (args.size() < 2) {
                        continue;
                    }
                    // "lines[" + i + "].quantity", prefix + ".postalCode": each part a field's name
                    Matcher m = literal.matcher(args.get(0));
                    while (m.find()) {
                        for (String part : m.group(1).split("[.\\[\\]]")) {
                            if (name.matcher(part).matches()) {
                                named.add(part);
                            }
                        }
                    }
                }
            }
        }
        assertThat(named).contains("quantity", "lines", "sku", "reason");
        List<String> faults = new ArrayList<>();
        for (String language : Stream.concat(Stream.of("en"), LANGUAGES.stream()).toList()) {
            Properties labels = read("fields", language);
            named.stream().filter(n -> !labels.containsKey(n))
                    .forEach(n -> faults.add("fields_" + language + " lacks a label for " + n));
        }
        assertThat(faults).isEmpty();
    }

    private static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_en.properties"))
                    .map(n -> n.substring(0, n.length() - "_en.properties".length())).sorted().toList();
        }
    }

    private static Properties read(String bundle, String language) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(bundle + "_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text.replaceAll("'[^']*'", ""));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CODE)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The arguments of a Java call, split at its top-level commas, strings and comments skipped. */
    static final class JavaArguments {

        static List<String> of(String code, int from) {
            List<String> args = new ArrayList<>();
            int depth = 0;
            int start = from;
            for (int i = from; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '"' || c == '\'') {
                    i = skipQuoted(code, i);
                } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                    i = code.indexOf('\n', i);
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        args.add(code.substring(start, i));
                        return args;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    args.add(code.substring(start, i));
                    start = i + 1;
                }
            }
            return args;
        }

        /** Whether the expression holds a string literal outside any call's parentheses (English written here). */
        static boolean hasLiteral(String expression) {
            int depth = 0;
            for (int i = 0; i < expression.length(); i++) {
                char c = expression.charAt(i);
                if (c == '"') {
                    if (depth == 0) {
                        return true;
                    }
                    i = skipQuoted(expression, i);
                } else if (c == '\'') {
                    i = skipQuoted(expression, i);
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            }
            return false;
        }

        private static int skipQuoted(String code, int at) {
            char quote = code.charAt(at);
            if (quote == '"' && code.startsWith("\"\"\"", at)) {
                return code.indexOf("\"\"\"", at + 3) + 2;
            }
            int i = at + 1;
            while (code.charAt(i) != quote) {
                i += code.charAt(i) == '\\' ? 2 : 1;
            }
            return i;
        }
    }
}
