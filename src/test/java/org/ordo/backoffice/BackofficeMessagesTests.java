package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The back office speaks de, en, es and ko: every key in every language, every key a template uses exists. */
class BackofficeMessagesTests {

    private static final Set<String> LANGUAGES = Set.of("de", "en", "es", "ko");
    /** A literal message key in a template: #{some.key} or #{some.key(args)}; dynamic keys (#{${..}}) are skipped. */
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
    private static final Pattern DYNAMIC_PREFIX = Pattern.compile("#\\{'([a-zA-Z0-9_.-]+\\.)' *\\+");

    @Test
    void everyLanguageHasEveryKeyWithAText() throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        for (String language : LANGUAGES) {
            bundles.put(language, load(language));
        }
        Set<String> all = new TreeSet<>();
        bundles.values().forEach(p -> all.addAll(p.stringPropertyNames()));
        assertThat(all).hasSizeGreaterThan(20);
        bundles.forEach((language, bundle) -> {
            assertThat(new TreeSet<>(all)).as("keys missing in backoffice_%s.properties", language)
                    .isSubsetOf(bundle.stringPropertyNames());
            bundle.stringPropertyNames().forEach(key -> assertThat(bundle.getProperty(key))
                    .as("%s in %s", key, language).isNotBlank());
        });
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Properties english = load("en");
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                Matcher m = KEY_IN_TEMPLATE.matcher(html);
                while (m.find()) {
                    used.add(m.group(1));
                }
                Matcher p = DYNAMIC_PREFIX.matcher(html);
                while (p.find()) {
                    prefixes.add(p.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(10);
        assertThat(english.stringPropertyNames()).as("keys used by templates").containsAll(used);
        for (String prefix : prefixes) {
            assertThat(english.stringPropertyNames()).as("keys starting with %s", prefix)
                    .anyMatch(k -> k.startsWith(prefix));
        }
    }

    /**
     * Every status and kind a screen shows through its label ({@code #{'prefix.' + code}} or
     * {@code @fmt.label('prefix.', code)}) has a text, so that a code added to an enum is not shown as
     * {@code ??key??} or as English words on a Korean page (EveryScreenBrowserIntegrationTests looks at the pages).
     */
    @Test
    void everyCodeAScreenShowsByItsLabelHasAText() throws IOException {
        Map<String, Enum<?>[]> labelled = new TreeMap<>(Map.ofEntries(
                Map.entry("status.order.", org.ordo.ordering.OrderStatus.values()),
                Map.entry("status.payment.", org.ordo.ordering.PaymentStatus.values()),
                Map.entry("status.fulfillment.", org.ordo.ordering.FulfillmentStatus.values()),
                Map.entry("hold.", org.ordo.ordering.HoldKind.values()),
                Map.entry("message.kind.", org.ordo.notification.MessageKind.values()),
                Map.entry("message.status.", org.ordo.notification.MessageStatus.values()),
                Map.entry("document.kind.", org.ordo.billing.DocumentKind.values()),
                Map.entry("inventory.kind.", org.ordo.inventory.MovementKind.values()),
                Map.entry("return.reason.", org.ordo.returns.ReturnReason.values()),
                Map.entry("return.status.", org.ordo.returns.ReturnStatus.values()),
                Map.entry("purchasing.status.", org.ordo.purchasing.PurchaseOrderStatus.values()),
                Map.entry("transfers.status.", org.ordo.purchasing.Transfer.Status.values()),
                Map.entry("counts.status.", org.ordo.purchasing.CycleCount.Status.values()),
                Map.entry("review.kind.", org.ordo.intake.ReviewEntry.Kind.values()),
                Map.entry("review.status.", org.ordo.intake.ReviewEntry.Status.values()),
                Map.entry("imports.status.", org.ordo.intake.FileImport.Status.values()),
                Map.entry("edi.direction.", org.ordo.edi.EdiMessage.Direction.values()),
                Map.entry("edi.outcome.", org.ordo.edi.EdiMessage.Outcome.values()),
                Map.entry("webhooks.status.", org.ordo.webhooks.WebhookSubscription.Status.values()),
                Map.entry("webhooks.delivery.", org.ordo.webhooks.WebhookDelivery.Status.values()),
                Map.entry("partners.kind.", org.ordo.outsourcing.PartnerKind.values()),
                Map.entry("partners.delivery.", org.ordo.outsourcing.PartnerDraft.Delivery.values()),
                Map.entry("role.", org.ordo.platform.Role.values()),
                Map.entry("admin.events.kind.", org.ordo.platform.security.SecurityEventKind.values())));
        Properties english = load("en");
        Set<String> missing = new TreeSet<>();
        labelled.forEach((prefix, codes) -> {
            for (Enum<?> code : codes) {
                if (!english.containsKey(prefix + code.name())) {
                    missing.add(prefix + code.name());
                }
            }
        });
        // every language has every key (the test above), so English stands for all four
        assertThat(missing).as("codes without a text in backoffice_*.properties").isEmpty();
    }

    private static Properties load(String language) throws IOException {
        String name = "/messages/backoffice_" + language + ".properties";
        var in = BackofficeMessagesTests.class.getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        Properties p = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
