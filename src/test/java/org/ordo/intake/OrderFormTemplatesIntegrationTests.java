package org.ordo.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A customer's order form learned from one confirmed correction: the agent fills the order reference and the
 * delivery address the draft did not have; the next form from the same sender comes with them filled from the same
 * places; another sender's form with the same layout does not.
 */
@IntegrationTest
class OrderFormTemplatesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theNextOrderFromASenderFillsTheFieldsAPersonCorrectedFromTheSamePlaces() throws Exception {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("PHYSICAL", "9.00", "EUR", "19", false, true);
        fixtures.receive(sku, location, 20);
        String sender = Fixtures.unique("form").toLowerCase() + "@example.com";
        expect(api.post("/api/v1/customers", Map.of("email", sender, "name", "Einkauf Muster",
                "addresses", List.of(Fixtures.address("Einkauf Muster", "DE")))), 201);
        Api agent = api.withNewKey("AGENT");

        // the first form: the draft has the customer's own address and no reference
        JsonNode first = expect(agent.postBytes("/api/v1/paper?fileName=form-1.pdf&sender=" + sender,
                form("PO-1111", "Erika Lager", "Lindenweg 5", "80331", "Muenchen", sku, 3), "application/pdf"), 201)
                .json();
        assertThat(first.get("draft").get("externalRef").isNull()).isTrue();
        assertThat(first.get("draft").get("shippingAddress").get("city").asString()).isNotEqualTo("Muenchen");

        // the agent corrects it from the form and confirms
        ObjectNode corrected = (ObjectNode) first.get("draft").deepCopy();
        corrected.put("externalRef", "PO-1111");
        ObjectNode address = (ObjectNode) corrected.get("shippingAddress");
        address.put("name", "Erika Lager").put("street", "Lindenweg 5").put("postalCode", "80331")
                .put("city", "Muenchen").put("country", "DE");
        expect(agent.post("/api/v1/review-entries/" + first.get("id").asString() + "/confirm", corrected), 201);

        // the next form from the same sender: those fields come filled from the same places
        JsonNode second = expect(agent.postBytes("/api/v1/paper?fileName=form-2.pdf&sender=" + sender,
                form("PO-2222", "Max Beispiel", "Ahornallee 9", "20095", "Hamburg", sku, 2), "application/pdf"), 201)
                .json();
        JsonNode draft = second.get("draft");
        assertThat(draft.get("externalRef").asString()).isEqualTo("PO-2222");
        assertThat(draft.get("shippingAddress").get("name").asString()).isEqualTo("Max Beispiel");
        assertThat(draft.get("shippingAddress").get("street").asString()).isEqualTo("Ahornallee 9");
        assertThat(draft.get("shippingAddress").get("postalCode").asString()).isEqualTo("20095");
        assertThat(draft.get("shippingAddress").get("city").asString()).isEqualTo("Hamburg");
        assertThat(draft.get("lines").get(0).get("quantity").asLong()).isEqualTo(2);
        assertThat(second.get("reason").asString()).contains("filled from this sender's form");
        // and it is confirmed as read, the person changing nothing
        JsonNode placed = expect(agent.post("/api/v1/review-entries/" + second.get("id").asString() + "/confirm",
                draft), 201).json();
        assertThat(placed.get("externalRef").asString()).isEqualTo("PO-2222");
        assertThat(placed.get("shippingAddress").get("city").asString()).isEqualTo("Hamburg");

        // another sender with the same layout learned nothing
        String stranger = Fixtures.unique("other").toLowerCase() + "@example.com";
        JsonNode other = expect(agent.postBytes("/api/v1/paper?fileName=form-3.pdf&sender=" + stranger,
                form("PO-3333", "Jane Roe", "Birkenweg 1", "50667", "Koeln", sku, 1), "application/pdf"), 201).json();
        assertThat(other.get("draft").get("externalRef").isNull()).isTrue();
    }

    /** The customer's order form as a PDF with text: labels, values, and the order line. */
    private static byte[] form(String reference, String name, String street, String postalCode, String city,
            String sku, int quantity) throws IOException {
        return pdf("BESTELLUNG", "Bestellnummer: " + reference, "Lieferadresse:", name, "Strasse: " + street,
                "PLZ: " + postalCode + " (Zustellbezirk)", "Ort: " + city, "", quantity + " x " + sku,
                "Mit freundlichen Gruessen");
    }

    private static byte[] pdf(String... lines) throws IOException {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                for (int i = 0; i < lines.length; i++) {
                    content.beginText();
                    content.newLineAtOffset(72, 700 - i * 20);
                    content.showText(lines[i]);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
