package org.ordo.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Fixtures;
import org.ordo.ModuleFixtures;
import org.ordo.ModuleIntegrationTest;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.ordering.ChangeOrder;
import org.ordo.ordering.OrderChanged;
import org.ordo.ordering.OrderChanges;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.party.CustomerDraft;
import org.ordo.party.PartyManagement;
import org.ordo.platform.Json;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * The EDI module with the modules it needs (docs/architecture.md, module tests): an order a trading partner sent
 * as ORDERS is changed through ordering's service, and after that commits the module answers the
 * {@link OrderChanged} with an ORDRSP that tells the buyer the order's new quantities (BGM function 4, changed).
 * The scenario waits for the answer instead of sleeping. Its own data directory, as every module test class has.
 */
@ModuleIntegrationTest
@TestPropertySource(properties = "ordo.data-dir=target/it-data-module-edi")
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
class EdiModuleIntegrationTests {

    @Autowired
    EdiManagement edi;
    @Autowired
    OrderChanges changes;
    @Autowired
    OrderManagement orders;
    @Autowired
    PartyManagement parties;
    @Autowired
    Catalog catalog;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    Json json;

    ModuleFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ModuleFixtures(catalog, inventory, json);
    }

    @Test
    void aChangedEdiOrderIsAnsweredWithAnOrderResponseOfItsNewQuantities(Scenario scenario) throws IOException {
        String gtin1 = Fixtures.gtin();
        String gtin2 = Fixtures.gtin();
        ModuleFixtures.Stock first = fixtures.stock(100, gtin1);
        fixtures.stock(100, gtin2);
        String sender = Fixtures.gtin();
        String recipient = Fixtures.gtin();
        String partner = registerPartner(sender, recipient);
        String po = Fixtures.unique("PO");
        // two orders: M1 asks for 3 of the first article (line 1) and 2 of the second, M2 for 1 of the second
        edi.receive(interchange(Map.of("SENDER", sender, "RECIPIENT", recipient, "GTIN1", gtin1, "GTIN2", gtin2,
                "REF", "R" + Fixtures.gtin().substring(1), "PO", po)), EdiManagement.CONTENT_TYPE, "test");
        OrderView order = orders.require(placedBy(partner, "M1"));
        assertThat(order.lines().get(0).sku()).isEqualTo(first.sku());
        ChangeOrder oneMore = fixtures.read(Map.of("reason", "buyer called: one more",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 4))), ChangeOrder.class);

        scenario.stimulate(() -> changes.change(order.id(), order.version(), oneMore, null))
                .andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> changeAnswers(partner, order.number()), answers -> !answers.isEmpty())
                .andVerify(answers -> assertThat(answers).singleElement().satisfies(answer -> {
                    assertThat(answer.orderId()).isEqualTo(order.id());
                    // line 1 now 4 units, line 2 as ordered
                    assertThat(answer.body()).containsPattern("QTY.21.4\\b").containsPattern("QTY.21.2\\b");
                }));
    }

    /** The partner's ORDRSP answering a change of the order: BGM 231 with the order's number and function 4. */
    private List<EdiMessage> changeAnswers(String partner, String orderNumber) {
        Pattern changed = Pattern.compile("BGM.231." + Pattern.quote(orderNumber) + ".4\\b");
        return edi.messages(partner, EdiMessage.Direction.OUT, null, null, 100).items().stream()
                .filter(m -> m.type().equals("ORDRSP") && changed.matcher(m.body()).find()).toList();
    }

    /** The order placed from a message of the partner's interchange. */
    private UUID placedBy(String partner, String messageRef) {
        return edi.messages(partner, EdiMessage.Direction.IN, null, null, 100).items().stream()
                .filter(m -> m.messageRef().equals(messageRef) && m.outcome() == EdiMessage.Outcome.PLACED)
                .findFirst().orElseThrow(() -> new AssertionError(messageRef + " was not placed")).orderId();
    }

    /** A business customer who may be invoiced, and a partner of its own that names articles by GTIN. */
    private String registerPartner(String sender, String recipient) {
        UUID customer = parties.registerCustomer(fixtures.read(Map.of("email", Fixtures.unique("buyer")
                .toLowerCase() + "@example.com", "name", "Einkauf Megamarkt", "type", "BUSINESS", "company",
                "Megamarkt GmbH", "shipBeforePayment", true), CustomerDraft.class)).id();
        String code = Fixtures.unique("MM").replace("-", "");
        edi.register(fixtures.read(Fixtures.edifactPartner(code, customer.toString(), sender, recipient, "GTIN"),
                PartnerDraft.class));
        return code;
    }

    /** The test interchange of two ORDERS messages (src/test/resources/edi) with this test's values. */
    private static byte[] interchange(Map<String, String> values) throws IOException {
        String text;
        try (InputStream in = EdiModuleIntegrationTests.class.getResourceAsStream("/edi/orders-una-release.edi")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (var value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        assertThat(text).doesNotContain("${");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
