package org.ordo.platform.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * A simple business document (confirmation, invoice, quote, pick list) laid out top to bottom on A4 pages and
 * written as PDF/A-3b: the fonts are embedded (NanumGothic, as subsets, so Latin and Hangul text both render),
 * the colours are sRGB with an sRGB output intent, and XMP metadata describes the file. The same content and
 * {@link Info} give the same bytes: creation date and file id come from the {@code Info}, never from the clock.
 *
 * <p>It knows nothing of orders or money: callers pass the texts already translated and formatted (see
 * {@link org.ordo.platform.TextBundle}). Blocks are added in reading order; a table or a paragraph that does not
 * fit continues on a new page (a table repeats its header there). Every page gets the footer and its page
 * number. One instance makes one PDF:
 *
 * <pre>{@code
 * byte[] pdf = new PdfDocument(new PdfDocument.Info(documentId, "Invoice INV-2026-000001", "Ordo", issuedAt, "en"))
 *         .letterhead(List.of("Ordo GmbH", "Hauptstr. 1", "10115 Berlin"))
 *         .title("Invoice INV-2026-000001")
 *         .addresses(List.of("Erika Mustermann", "Hauptstr. 1", "10115 Berlin"),
 *                 List.of(new PdfDocument.Field("Invoice date", "Mar 5, 2026")))
 *         .table(List.of(PdfDocument.Column.left("Article", 5), PdfDocument.Column.right("Quantity", 1),
 *                 PdfDocument.Column.right("Amount", 2)), List.of(List.of("Mug", "2", "€39.98")))
 *         .totals(List.of(new PdfDocument.Field("Total", "€47.58")))
 *         .paragraph("Thank you for your order.")
 *         .footer(List.of("Ordo GmbH · VAT DE123456789"), "Page {page} of {pages}")
 *         .toBytes();
 * }</pre>
 */
public final class PdfDocument {

    /**
     * What the file says about itself.
     *
     * @param id the document's id: becomes the PDF file identifier, so the same document always gets the same
     * @param title the document title (PDF metadata)
     * @param author who issued it (PDF metadata)
     * @param createdAt creation and modification date written into the file, e.g. the issue date
     * @param language the text's language as a BCP 47 tag ("de", "ko")
     */
    public record Info(UUID id, String title, String author, Instant createdAt, String language) {

        public Info {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(createdAt, "createdAt");
            author = author == null ? "" : author;
            language = language == null ? "en" : language;
        }
    }

    /** A label with its value: a detail beside the address ("Invoice date: 5.3.2026") or a line of totals. */
    public record Field(String label, String value) {
    }

    /** How a table column aligns its cells. */
    public enum Align {
        LEFT, RIGHT
    }

    /**
     * A table column.
     *
     * @param header the header text
     * @param weight its share of the width, relative to the other columns' weights
     * @param align left for text, right for numbers and amounts
     */
    public record Column(String header, double weight, Align align) {

        public static Column left(String header, double weight) {
            return new Column(header, weight, Align.LEFT);
        }

        public static Column right(String header, double weight) {
            return new Column(header, weight, Align.RIGHT);
        }
    }

    private static final String PRODUCER = "Ordo (Apache PDFBox)";
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float TOP = PAGE.getHeight() - 50;
    private static final float BOTTOM = 80;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float SIZE = 9.5f;
    private static final float SMALL = 7.5f;
    private static final float TITLE = 16;
    private static final float LEADING = 1.35f;
    private static final float CELL_PADDING = 3;
    private static final float[] INK = {0.1f, 0.1f, 0.1f};
    private static final float[] GREY = {0.42f, 0.42f, 0.42f};
    private static final float[] RULE = {0.7f, 0.7f, 0.7f};

    private static final byte[] REGULAR_FONT = resource("fonts/NanumGothic.ttf");
    private static final byte[] BOLD_FONT = resource("fonts/NanumGothicBold.ttf");
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /**
     * The two parsed fonts, for one document at a time: a parsed {@link TrueTypeFont} reads its tables lazily and
     * is not thread-safe, but it is not changed by embedding (the document subsets it, it does not close it).
     */
    private record Fonts(TrueTypeFont regular, TrueTypeFont bold) {

        static Fonts parse() throws IOException {
            return new Fonts(new TTFParser().parse(new RandomAccessReadBuffer(REGULAR_FONT)),
                    new TTFParser().parse(new RandomAccessReadBuffer(BOLD_FONT)));
        }

        void close() {
            try {
                regular.close();
                bold.close();
            } catch (IOException e) {
                // the memory is released either way
            }
        }
    }

    /**
     * Parsed fonts not in use, so that a document does not parse 9 MB of fonts again. A document takes one pair
     * (or parses a new one when all are in use) and gives it back when finished; at most {@link #IDLE_FONTS} pairs
     * are kept.
     */
    private static final ConcurrentLinkedDeque<Fonts> IDLE = new ConcurrentLinkedDeque<>();
    private static final int IDLE_FONTS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final AtomicInteger IDLE_COUNT = new AtomicInteger();

    /**
     * One XMP serializer per thread, made once. Making one looks up an XML transformer and document builder factory
     * through the class path (a service look-up over every jar): about a quarter of a warm render's CPU, and 39 % of
     * the PDF samples in a flight recording of the first start (docs/benchmarks.md, Start-up). The serializer holds
     * state while it writes, so it is not shared between threads.
     */
    private static final ThreadLocal<XmpSerializer> XMP = ThreadLocal.withInitial(XmpSerializer::new);

    private final Info info;
    private final PDDocument document = new PDDocument();
    private final Fonts fonts;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final CmapLookup glyphs;
    private final List<PDPage> pages = new ArrayList<>();
    private List<String> footer = List.of();
    private String pageLabel;
    private PDPageContentStream content;
    private float y;
    private boolean done;

    /** Starts an empty document with its first page. */
    public PdfDocument(Info info) {
        this.info = Objects.requireNonNull(info, "info");
        try {
            fonts = takeFonts();
            regular = PDType0Font.load(document, fonts.regular(), true);
            bold = PDType0Font.load(document, fonts.bold(), true);
            glyphs = fonts.regular().getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the bundled fonts", e);
        }
        newPage();
    }

    /** Small grey lines at the top right: who issues the document (name, address, contact). */
    public PdfDocument letterhead(List<String> lines) {
        float lineY = y;
        for (String line : lines) {
            String text = printable(line);
            text(regular, SMALL, GREY, MARGIN + WIDTH - width(regular, SMALL, text), lineY, text);
            lineY -= SMALL * LEADING;
        }
        y = Math.min(y, lineY) - 12;
        return this;
    }

    /**
     * The shop at the top left of the first page: its logo (a PNG, at most 40 points high and 160 wide), else its
     * name in bold when given; nothing when neither is. Whatever is drawn lower, the text starts below it.
     */
    public PdfDocument brand(byte[] logoPng, String name) {
        if (pages.size() != 1) {
            return this;
        }
        try {
            if (logoPng != null) {
                var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(document,
                        javax.imageio.ImageIO.read(new ByteArrayInputStream(logoPng)));
                float scale = Math.min(1f, Math.min(40f / image.getHeight(), 160f / image.getWidth()));
                float width = image.getWidth() * scale;
                float height = image.getHeight() * scale;
                content.drawImage(image, MARGIN, TOP - height, width, height);
                y = Math.min(y, TOP - height - 12);
            } else if (name != null && !name.isBlank()) {
                text(bold, TITLE * 0.8f, INK, MARGIN, TOP - TITLE * 0.8f, printable(name));
                y = Math.min(y, TOP - TITLE * 0.8f - 12);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw the logo", e);
        }
        return this;
    }

    /** The document's heading in large bold type. */
    public PdfDocument title(String title) {
        ensureRoom(TITLE * 2);
        text(bold, TITLE, INK, MARGIN, y - TITLE, printable(title));
        y -= TITLE * 2;
        return this;
    }

    /**
     * The recipient's address on the left and details (number, dates, customer number) as label and value on
     * the right.
     */
    public PdfDocument addresses(List<String> recipient, List<Field> details) {
        float half = WIDTH / 2;
        float labelWidth = 0;
        for (Field f : details) {
            labelWidth = Math.max(labelWidth, width(regular, SIZE, printable(f.label())));
        }
        labelWidth = Math.min(labelWidth + 8, half / 2);
        List<String> left = new ArrayList<>();
        for (String line : recipient) {
            left.addAll(wrap(regular, SIZE, line, half - 10));
        }
        List<String[]> right = new ArrayList<>();
        for (Field f : details) {
            List<String> values = wrap(regular, SIZE, f.value(), half - labelWidth);
            for (int i = 0; i < values.size(); i++) {
                right.add(new String[] {i == 0 ? printable(f.label()) : "", values.get(i)});
            }
        }
        float lineHeight = SIZE * LEADING;
        int rows = Math.max(left.size(), right.size());
        ensureRoom(rows * lineHeight);
        for (int i = 0; i < rows; i++) {
            float baseline = y - SIZE - i * lineHeight;
            if (i < left.size()) {
                text(i == 0 ? bold : regular, SIZE, INK, MARGIN, baseline, left.get(i));
            }
            if (i < right.size()) {
                text(regular, SIZE, GREY, MARGIN + half, baseline, right.get(i)[0]);
                text(regular, SIZE, INK, MARGIN + half + labelWidth, baseline, right.get(i)[1]);
            }
        }
        y -= rows * lineHeight + 16;
        return this;
    }

    /** A block of text, wrapped to the page width; {@code \n} starts a new line. */
    public PdfDocument paragraph(String text) {
        float lineHeight = SIZE * LEADING;
        for (String line : wrap(regular, SIZE, text, WIDTH)) {
            ensureRoom(lineHeight);
            text(regular, SIZE, INK, MARGIN, y - SIZE, line);
            y -= lineHeight;
        }
        y -= 8;
        return this;
    }

    /** A small heading above the next block. */
    public PdfDocument heading(String text) {
        float lineHeight = SIZE * LEADING;
        ensureRoom(lineHeight * 3);
        text(bold, SIZE + 1, INK, MARGIN, y - SIZE - 1, printable(text));
        y -= lineHeight + 4;
        return this;
    }

    /**
     * A table: a bold header, then one row per entry with cells wrapped inside their column. A row that does not
     * fit on the page starts a new one, which repeats the header. Each row has one cell per column.
     */
    public PdfDocument table(List<Column> columns, List<List<String>> rows) {
        double weights = columns.stream().mapToDouble(Column::weight).sum();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = (float) (WIDTH * columns.get(i).weight() / weights);
        }
        List<String> headers = columns.stream().map(Column::header).toList();
        ensureRoom(rowHeight(bold, headers, widths) + SIZE * LEADING * 2);
        tableRow(bold, columns, widths, headers, true);
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("A row has " + row.size() + " cells for " + columns.size()
                        + " columns");
            }
            if (y - rowHeight(regular, row, widths) < BOTTOM) {
                newPage();
                tableRow(bold, columns, widths, headers, true);
            }
            tableRow(regular, columns, widths, row, false);
        }
        y -= 10;
        return this;
    }

    /** Label and value lines aligned to the right edge, under a rule; the last one in bold (the total). */
    public PdfDocument totals(List<Field> lines) {
        float lineHeight = SIZE * LEADING + 2;
        ensureRoom(lines.size() * lineHeight + 6);
        float valueRight = MARGIN + WIDTH - CELL_PADDING;
        float labelRight = valueRight - WIDTH / 5;
        line(MARGIN + WIDTH / 2, y, MARGIN + WIDTH, y);
        y -= 4;
        for (int i = 0; i < lines.size(); i++) {
            PDType0Font font = i == lines.size() - 1 ? bold : regular;
            String label = printable(lines.get(i).label());
            String value = printable(lines.get(i).value());
            float baseline = y - SIZE - 2;
            text(font, SIZE, INK, labelRight - width(font, SIZE, label), baseline, label);
            text(font, SIZE, INK, valueRight - width(font, SIZE, value), baseline, value);
            y -= lineHeight;
        }
        y -= 12;
        return this;
    }

    /**
     * A square grid of dark and light modules (a QR code, {@code dark[row][column]}), {@code size} points wide, at
     * the left margin; drawn as vector squares, so it stays sharp at any print size.
     */
    public PdfDocument modules(boolean[][] dark, float size) {
        ensureRoom(size + 8);
        float cell = size / dark.length;
        try {
            content.setNonStrokingColor(0f, 0f, 0f);
            for (int row = 0; row < dark.length; row++) {
                for (int column = 0; column < dark[row].length; column++) {
                    if (dark[row][column]) {
                        content.addRect(MARGIN + column * cell, y - (row + 1) * cell, cell, cell);
                    }
                }
            }
            content.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= size + 8;
        return this;
    }

    /** Empty room of {@code points} (1/72 inch) before the next block. */
    public PdfDocument space(float points) {
        y -= points;
        return this;
    }

    /**
     * Small lines at the bottom of every page (seller, bank, VAT id), and a page label such as
     * "Page {page} of {pages}" at the bottom right; a null label prints no page numbers.
     */
    public PdfDocument footer(List<String> lines, String pageLabel) {
        this.footer = List.copyOf(lines);
        this.pageLabel = pageLabel;
        return this;
    }

    /** Finishes the document: footers, metadata, PDF/A parts; returns the PDF. Call once. */
    public byte[] toBytes() {
        if (done) {
            throw new IllegalStateException("This document is finished already");
        }
        done = true;
        try {
            content.close();
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream out = new PDPageContentStream(document, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    content = out;
                    drawFooter(i + 1, pages.size());
                }
            }
            describe();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            byte[] pdf = out.toByteArray();
            close();
            giveBack(fonts);
            return pdf;
        } catch (IOException | RuntimeException e) {
            close();
            fonts.close(); // not trusted after a failure
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot write the PDF", io);
            }
            throw (RuntimeException) e;
        }
    }

    private void close() {
        try {
            document.close();
        } catch (IOException e) {
            // nothing is left to write; the memory is released either way
        }
    }

    private static Fonts takeFonts() throws IOException {
        Fonts idle = IDLE.pollFirst();
        if (idle == null) {
            return Fonts.parse();
        }
        IDLE_COUNT.decrementAndGet();
        return idle;
    }

    private static void giveBack(Fonts fonts) {
        if (IDLE_COUNT.incrementAndGet() <= IDLE_FONTS) {
            IDLE.offerFirst(fonts);
        } else {
            IDLE_COUNT.decrementAndGet();
            fonts.close();
        }
    }

    private void drawFooter(int page, int of) throws IOException {
        float lineHeight = SMALL * LEADING;
        float top = BOTTOM - 24;
        line(MARGIN, top + SMALL + 4, MARGIN + WIDTH, top + SMALL + 4);
        float baseline = top;
        for (String line : footer) {
            for (String part : wrap(regular, SMALL, line, WIDTH * 0.8f)) {
                text(regular, SMALL, GREY, MARGIN, baseline, part);
                baseline -= lineHeight;
            }
        }
        if (pageLabel != null) {
            String label = printable(pageLabel.replace("{page}", Integer.toString(page))
                    .replace("{pages}", Integer.toString(of)));
            text(regular, SMALL, GREY, MARGIN + WIDTH - width(regular, SMALL, label), top, label);
        }
    }

    private void tableRow(PDType0Font font, List<Column> columns, float[] widths, List<String> cells,
            boolean header) {
        float height = rowHeight(font, cells, widths);
        float x = MARGIN;
        for (int c = 0; c < columns.size(); c++) {
            List<String> lines = wrap(font, SIZE, cells.get(c), widths[c] - 2 * CELL_PADDING);
            float baseline = y - CELL_PADDING - SIZE;
            for (String line : lines) {
                float left = columns.get(c).align() == Align.RIGHT
                        ? x + widths[c] - CELL_PADDING - width(font, SIZE, line)
                        : x + CELL_PADDING;
                text(font, SIZE, header ? GREY : INK, left, baseline, line);
                baseline -= SIZE * LEADING;
            }
            x += widths[c];
        }
        y -= height;
        line(MARGIN, y, MARGIN + WIDTH, y);
    }

    private float rowHeight(PDType0Font font, List<String> cells, float[] widths) {
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            lines = Math.max(lines, wrap(font, SIZE, cells.get(c), widths[c] - 2 * CELL_PADDING).size());
        }
        return lines * SIZE * LEADING + 2 * CELL_PADDING;
    }

    private void ensureRoom(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            pages.add(page);
            content = new PDPageContentStream(document, page);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(PDType0Font font, float size, float[] color, float x, float baseline, String text) {
        if (text.isEmpty()) {
            return;
        }
        try {
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(color[0], color[1], color[2]);
            content.newLineAtOffset(x, baseline);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(float x1, float y1, float x2, float y2) {
        try {
            content.setStrokingColor(RULE[0], RULE[1], RULE[2]);
            content.setLineWidth(0.5f);
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float width(PDType0Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lines of {@code text} within {@code maxWidth}: breaks at spaces, and inside a word only when the word
     * alone is too wide.
     */
    List<String> wrap(PDType0Font font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(font, size, rest) > maxWidth && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * The text with every character the font cannot draw replaced: spaces of other widths (no-break spaces that
     * number formats use) by a plain space, tabs by a space, anything else by "?". Null becomes "".
     */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (Character.isISOControl(cp)) {
                // dropped
            } else if (glyphs.getGlyphId(cp) != 0) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Metadata, output intent and file id: what makes the file PDF/A-3b and its bytes reproducible. */
    private void describe() throws IOException {
        Calendar created = GregorianCalendar.from(info.createdAt().atZone(ZoneOffset.UTC));
        created.setTimeZone(TimeZone.getTimeZone("UTC"));
        document.setVersion(1.7f);

        PDDocumentInformation pdfInfo = document.getDocumentInformation();
        pdfInfo.setTitle(info.title());
        pdfInfo.setAuthor(info.author());
        pdfInfo.setCreator(PRODUCER);
        pdfInfo.setProducer(PRODUCER);
        pdfInfo.setCreationDate(created);
        pdfInfo.setModificationDate(created);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
            pdfa.setPart(3);
            pdfa.setConformance("B");
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(info.title());
            dc.addCreator(info.author());
            dc.setFormat("application/pdf");
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool(PRODUCER);
            basic.setCreateDate(created);
            basic.setModifyDate(created);
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(PRODUCER);
        } catch (org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            XMP.get().serialize(xmp, xml, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException(e);
        }
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xml.toByteArray());
        catalog.setMetadata(metadata);
        catalog.setLanguage(info.language());

        try (InputStream icc = new ByteArrayInputStream(SRGB)) {
            PDOutputIntent intent = new PDOutputIntent(document, icc);
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
        }

        byte[] id = ByteBuffer.allocate(16).putLong(info.id().getMostSignificantBits())
                .putLong(info.id().getLeastSignificantBits()).array();
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfDocument.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
