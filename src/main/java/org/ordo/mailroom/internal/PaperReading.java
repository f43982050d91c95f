package org.ordo.mailroom.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Component;

/**
 * Reads paper as it arrives: a PDF's text with PDFBox, laid out into lines in reading order; a scan or fax (an image,
 * or a PDF with no text in it) by OCR, page by page. What was read always goes to a person for confirmation.
 */
@Component
public class PaperReading {

    /** How the text was obtained, for the reason shown in review. */
    public enum Method {
        PDF_TEXT, OCR
    }

    /** The text read, how, and what went wrong (null when nothing did). */
    public record Read(String text, Method method, String failure) {
    }

    /** A PDF of more pages than this is not read page by page (a person reads it). */
    static final int MAX_PAGES = 20;
    /** A2 in PDF points (1191 × 1684): larger pages are not rendered for OCR. */
    static final float MAX_PAGE_AREA = 1191f * 1684f;

    private final Ocr ocr;

    PaperReading(Ocr ocr) {
        this.ocr = ocr;
    }

    public Read image(byte[] image) {
        Ocr.Recognised recognised = ocr.read(image);
        return new Read(recognised.text(), Method.OCR, recognised.failure());
    }

    public Read pdf(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() > MAX_PAGES) {
                return new Read("", Method.PDF_TEXT, "the PDF has " + document.getNumberOfPages()
                        + " pages; only up to " + MAX_PAGES + " are read");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            // in the order the lines stand on the page, not the order they were written into the file
            stripper.setSortByPosition(true);
            String text = stripper.getText(document).strip();
            if (!text.isEmpty()) {
                return new Read(text, Method.PDF_TEXT, null);
            }
            // no text layer: a scan or a fax
            PDFRenderer renderer = new PDFRenderer(document);
            List<String> pages = new ArrayList<>();
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                var box = document.getPage(page).getMediaBox();
                if (box.getWidth() * box.getHeight() > MAX_PAGE_AREA) {
                    // rendered at 300 dpi, a poster-sized page would take more memory than any order form needs
                    return new Read(String.join("\n\n", pages), Method.OCR, "page " + (page + 1)
                            + " is larger than A2; it is not read");
                }
                BufferedImage image = renderer.renderImageWithDPI(page, 300, ImageType.GRAY);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(image, "png", png);
                Ocr.Recognised recognised = ocr.read(png.toByteArray());
                if (!recognised.ok()) {
                    return new Read(String.join("\n\n", pages), Method.OCR, recognised.failure());
                }
                pages.add(recognised.text());
            }
            return new Read(String.join("\n\n", pages), Method.OCR, null);
        } catch (IOException | RuntimeException e) {
            return new Read("", Method.PDF_TEXT, "the PDF cannot be read: " + e.getMessage());
        }
    }
}
