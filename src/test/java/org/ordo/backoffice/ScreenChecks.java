package org.ordo.backoffice;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a browser test checks on any back-office page: that nothing is wider than the window, and that no internal
 * code is in the text a person sees. The codes are not listed by hand: they are every constant of Ordo's enums and
 * every upper-case value its CHECK constraints allow, so a kind or status added tomorrow is checked too.
 */
final class ScreenChecks {

    /**
     * Codes that are also the words people write: abbreviations (SKU, GTIN, IBAN, PDF …), the names of standards
     * and their messages (EDIFACT, X12, ORDERS), carriers and currencies. Shown as they are, they are not leaks.
     */
    private static final Set<String> WORDS = Set.of("SKU", "GTIN", "EAN", "IBAN", "BIC", "EDI", "EDIFACT", "X12",
            "API", "CSV", "JSON", "XML", "PDF", "HTTP", "HTTPS", "IMAP", "TLS", "SMS", "URL", "ID", "VAT", "PNG",
            "JPEG", "SVG", "DHL", "UPS", "DPD", "GLS", "EUR", "USD", "GBP", "KRW", "CHF", "ORDERS", "ORDRSP", "DESADV",
            "INVOIC", "CONTRL", "INBOX", "UNB", "UNH", "ISA", "GS", "OK", "OCR", "XLSX",
            // the overflow bin's code, which workers scan and type in moves like any bin's
            "OVERFLOW");

    /** An upper-case word, with underscores between its parts, standing on its own. */
    private static final Pattern CODE = Pattern.compile("(?<![\\p{L}\\p{N}_\\-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*"
            + "(?![\\p{L}\\p{N}_\\-])");

    /** What Thymeleaf writes for a text key that no bundle has: {@code ??orders.title_ko??}. */
    private static final Pattern MISSING_TEXT = Pattern.compile("\\?\\?[\\w.\\-]+\\?\\?");

    /** Who did something as Ordo stores it ({@code user:erika}, {@code api-key:shop}): screens show the name. */
    private static final Pattern ACTOR = Pattern.compile("(?<![\\w-])(user|api-key|webhook|system):[\\w.@-]+");

    private final Set<String> codes;

    private ScreenChecks(Set<String> codes) {
        this.codes = codes;
    }

    /** The codes of every enum under {@code org.ordo} (main code only) and of every CHECK constraint. */
    static ScreenChecks of(JdbcClient jdbc) {
        Set<String> codes = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true; // nested enums too
            }
        };
        scanner.addIncludeFilter((reader, factory) -> "java.lang.Enum".equals(reader.getClassMetadata()
                .getSuperClassName()) && !reader.getResource().getDescription().contains("test-classes"));
        for (var candidate : scanner.findCandidateComponents("org.ordo")) {
            try {
                Object[] constants = Class.forName(candidate.getBeanClassName()).getEnumConstants();
                Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).forEach(codes::add);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        // Ordo's calendars take days of the week as their API writes them
        Arrays.stream(DayOfWeek.values()).map(Enum::name).forEach(codes::add);
        Pattern literal = Pattern.compile("'([A-Z][A-Z0-9_]*)'");
        for (String definition : jdbc.sql("""
                SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE c.contype = 'c' AND n.nspname = current_schema()""").query(String.class).list()) {
            Matcher m = literal.matcher(definition);
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        codes.removeAll(WORDS);
        return new ScreenChecks(codes);
    }

    /**
     * Checks the page the browser shows as every browser check does, every finding at once (so that one run says all
     * there is to fix): nothing wider than the window, no codes, stored actors or missing texts, and on a page in
     * another language than English no English words for codes.
     */
    void assertReadable(Browser browser, String where, String language) {
        List<String> texts = visibleTexts(browser);
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(overflow(browser)).as(where + ": wider than the window").isEmpty();
            soft.assertThat(rawCodes(texts)).as(where + ": codes on screen").isEmpty();
            if (!language.equals("en")) {
                soft.assertThat(untranslated(texts)).as(where + ": English words for codes").isEmpty();
            }
        });
    }

    int size() {
        return codes.size();
    }

    /** The codes, stored actors and missing text keys in these texts, each with the text it stands in. */
    List<String> rawCodes(List<String> texts) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            Matcher m = CODE.matcher(text);
            while (m.find()) {
                if (codes.contains(m.group())) {
                    found.add(m.group() + " in “" + abbreviated(text) + "”");
                }
            }
            Matcher actor = ACTOR.matcher(text);
            while (actor.find()) {
                found.add(actor.group() + " (an actor as stored) in “" + abbreviated(text) + "”");
            }
            Matcher missing = MISSING_TEXT.matcher(text);
            while (missing.find()) {
                found.add(missing.group() + " (no text in the bundle)");
            }
        }
        return found;
    }

    /**
     * The texts that are a code in lower-case words ({@code on hold} for ON_HOLD): what a label without a text in
     * the page's language falls back to. Checked on pages in a language other than English, where it is English.
     */
    List<String> untranslated(List<String> texts) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            String words = text.strip();
            String code = words.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
            if (words.length() > 2 && words.equals(words.toLowerCase(java.util.Locale.ROOT)) && codes.contains(code)) {
                found.add(words + " (" + code + " without a text in this language)");
            }
        }
        return found;
    }

    private static String abbreviated(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= 120 ? one : one.substring(0, 117) + "…";
    }

    /**
     * The texts a person can see on the page: each visible text node as the page holds it (not as CSS may have
     * upper-cased it), the options of the lists, the placeholders and button labels of inputs, and the labels of
     * the charts (drawn on a canvas from the page's data). Stored
     * originals (an EDI interchange, a mail) are shown verbatim in {@code <pre>} on purpose, and names and a file's
     * own column names are marked {@code translate="no"}: both are left out.
     */
    @SuppressWarnings("unchecked")
    static List<String> visibleTexts(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const texts = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                    const node = walker.currentNode;
                    const parent = node.parentElement;
                    const text = node.textContent.trim();
                    if (!text || !parent || parent.closest('script, style, noscript, template, pre, [translate=no]')) continue;
                    const shown = parent.getClientRects().length > 0
                        && getComputedStyle(parent).visibility !== 'hidden';
                    if (shown || (parent.closest('option') && parent.closest('select').getClientRects().length > 0)) {
                        texts.push(text);
                    }
                }
                document.querySelectorAll('input[placeholder], textarea[placeholder]').forEach(e => {
                    if (e.getClientRects().length > 0) texts.push(e.placeholder);
                });
                document.querySelectorAll('input[type=submit], input[type=button]').forEach(e => {
                    if (e.getClientRects().length > 0) texts.push(e.value);
                });
                // what a chart draws from the server's text: its axis labels and the names of its series
                document.querySelectorAll('canvas[data-chart]').forEach(c => {
                    const chart = JSON.parse(c.getAttribute('data-chart'));
                    (chart.labels || []).forEach(l => texts.push(String(l)));
                    (chart.datasets || []).forEach(d => { if (d.label) texts.push(String(d.label)); });
                });
                return texts;
                """);
    }

    /**
     * The elements wider than the window (tag, id and class), which would make the page scroll sideways. What is
     * inside a box that scrolls on its own (a {@code .table-scroll} box, or a table that scrolls on a tablet) scrolls
     * there, so only the box is measured.
     */
    @SuppressWarnings("unchecked")
    static List<String> overflow(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const width = document.documentElement.clientWidth;
                const scrollsInABox = e => {
                    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                        const x = getComputedStyle(p).overflowX;
                        if (x === 'auto' || x === 'scroll') {
                            return true;
                        }
                    }
                    return false;
                };
                const over = new Set([...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1 && !scrollsInABox(e)));
                // the outermost of them: what pushes past the edge, not everything inside it
                const wide = [...over].filter(e => !over.has(e.parentElement)).slice(0, 20)
                    .map(e => e.tagName + '#' + e.id + '.' + e.className + ' (right edge at '
                        + Math.round(e.getBoundingClientRect().right) + ' of ' + width + ')');
                if (document.documentElement.scrollWidth > width + 1) {
                    wide.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
                }
                return wide;
                """);
    }
}
