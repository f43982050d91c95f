package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The review screen's scan upload takes what {@code POST /api/v1/paper} takes: a scan of a few megabytes (a fax of
 * several pages, a photographed order) reaches the review queue, where the default body limit of 1 MiB used to refuse
 * it with a bare 413 or a closed connection.
 */
@IntegrationTest
class ScanUploadFormIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aScanOfAFewMegabytesUploadedOnTheReviewScreenWaitsInReview() throws IOException {
        String reference = Fixtures.unique("FAX");
        byte[] scan = pdf("Order " + reference, 2 * 1024 * 1024);
        assertThat(scan.length).isGreaterThan(2 * 1024 * 1024);

        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        admin.get("/review");
        WebSession.Page answer = admin.postFile("/review/paper", Map.of(), "file", "fax.pdf", "application/pdf", scan);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).matches(".*/review/[0-9a-f-]{36}");
        String page = admin.follow(answer).body();
        assertThat(page).contains("The scan was read and waits for review.").contains(reference);

        // the original can be kept or forwarded as it came, byte for byte, named after the entry and its type
        String entry = answer.location().replaceAll(".*(/review/[0-9a-f-]{36})$", "$1");
        assertThat(page).contains("href=\"" + entry + "/original?download=true\"");
        WebSession.File original = admin.download(entry + "/original?download=true");
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(scan);
        assertThat(original.header("Content-Disposition")).startsWith("attachment")
                .contains("filename=\"original-" + entry.substring("/review/".length()) + ".pdf\"");
    }

    /** A one-page PDF with a line of text and a photo of noise that makes it at least {@code size} bytes. */
    private static byte[] pdf(String text, int size) throws IOException {
        int side = (int) Math.sqrt(size / 3.0) + 1;
        BufferedImage noise = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
                content.drawImage(LosslessFactory.createFromImage(document, noise), 50, 100, 400, 400);
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
