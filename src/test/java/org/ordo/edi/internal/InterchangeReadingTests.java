package org.ordo.edi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;

/**
 * Ordo's own reader of an interchange ({@link SegmentReader}) against the reading it replaced, StAEDI's lexer
 * ({@link StaediInterchangeReader}): for every interchange the EDI tests post, separators and release characters
 * everywhere, broken and hostile bodies and thousands of random mutations of valid interchanges, both give the same
 * {@link Interchange} (header, group, messages with their segments, elements and errors) or both refuse it with
 * the same field and wording.
 */
class InterchangeReadingTests {

    private static final String UNB = "UNB+UNOC:3+5412345000013:14+4012345000009:14+261205:1000+R1'";
    private static final String MESSAGE = "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO-1+9'LIN+1++4006381333931:SRV'"
            + "QTY+21:3'UNT+5+1'";
    private static final String ISA = "ISA*00*          *00*          *ZZ*5412345000013  *ZZ*4012345000009  *261205*1000"
            + "*U*00401*000000007*0*P*>~";
    private static final String GS = "GS*PO*5412345000013*4012345000009*20261205*1000*8*X*004010~";
    private static final String SET = "ST*850*0001~BEG*00*SA*PO-1**20261205~PO1*1*3*EA***EN*4006381333931~SE*4*0001~";

    /** What a reading came to: the interchange, or the refusal's field and wording key. */
    private static String outcome(Object result) {
        if (result instanceof InvalidInputException refused) {
            FieldError error = refused.errors().get(0);
            return "refused " + error.field() + " " + (error.wording() == null ? error.message()
                    : error.wording().key());
        }
        return result.toString();
    }

    private static Object reference(byte[] body) {
        try {
            return StaediInterchangeReader.read(body);
        } catch (InvalidInputException e) {
            return e;
        }
    }

    private static Object ours(byte[] body) {
        try {
            return Interchange.read(body);
        } catch (InvalidInputException e) {
            return e;
        }
    }

    /** Both read the body alike; returns whether it was read (not refused). */
    private static boolean same(byte[] body) {
        Object expected = reference(body);
        Object actual = ours(body);
        if (!outcome(expected).equals(outcome(actual))) {
            fail("read differently: " + shown(body) + "\nStAEDI: " + outcome(expected)
                    + (expected instanceof Exception e ? " (" + e.getMessage() + ")" : "") + "\nOrdo:   "
                    + outcome(actual) + (actual instanceof Exception e ? " (" + e.getMessage() + ")" : ""));
        }
        return expected instanceof Interchange;
    }

    private static boolean same(String text, Charset charset) {
        return same(text.getBytes(charset));
    }

    private static boolean same(String text) {
        return same(text, StandardCharsets.ISO_8859_1);
    }

    private static String shown(byte[] body) {
        StringBuilder shown = new StringBuilder();
        for (byte b : body) {
            int c = b & 0xFF;
            shown.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
            if (shown.length() > 2000) {
                return shown.append("...").toString();
            }
        }
        return shown.toString();
    }

    /** The test interchanges with their placeholders filled as the EDI integration tests fill them. */
    private static List<String> resources() throws IOException {
        Map<String, String> values = Map.of("SENDER", "5412345000013", "RECIPIENT", "4012345000009", "REF", "R17",
                "PO", "PO-4711", "GTIN1", "4006381333931", "GTIN2", "4006381333948", "UNKNOWN_GTIN", "4000000000017",
                "BUYER_NUMBER", "MM-4711", "ISA13", "000000123", "SENDER15", "5412345000013  ");
        List<String> texts = new ArrayList<>();
        for (String name : List.of("orders-mixed.edi", "orders-una-release.edi", "orders-partner-numbers.edi",
                "po-850-tilde.edi", "po-850-other-separators.edi")) {
            try (InputStream in = InterchangeReadingTests.class.getResourceAsStream("/edi/" + name)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (Map.Entry<String, String> value : values.entrySet()) {
                    text = text.replace("${" + value.getKey() + "}", value.getValue());
                }
                texts.add(text.replace("${RECIPIENT15}", "4012345000009  "));
            }
        }
        return texts;
    }

    /** Valid interchanges of every kind the tests below start from. */
    private static List<String> valid() throws IOException {
        List<String> texts = new ArrayList<>(resources());
        texts.add(UNB + MESSAGE + "UNZ+1+R1'");
        texts.add("UNA:+.? '" + UNB + MESSAGE + "UNH+2+ORDERS:D:96A:UN:EAN008'BGM+220+PO-2+9'UNT+3+2'UNZ+2+R1'");
        texts.add("UNA:+.? '" + UNB.replace("UNOC:3", "UNOC:4") + MESSAGE.replace("PO-1", "PO-1*PO-2*PO-3")
                + "UNZ+1+R1'");
        texts.add(UNB + "UNG+ORDERS+5412345000013:14+4012345000009:14+261205:1000+G1+UN+D:96A'" + MESSAGE
                + "UNE+1+G1'UNZ+1+R1'");
        texts.add(ISA + GS + SET + "GE*1*8~IEA*1*000000007~");
        texts.add(ISA.replace("*U*00401*", "*^*00501*") + GS + SET.replace("PO-1", "PO-1^PO-2") + "GE*1*8~"
                + "IEA*1*000000007~");
        texts.add((ISA + GS + SET + "GE*1*8~IEA*1*000000007~").replace("~", "~\r\n"));
        return texts;
    }

    @Test
    void theTestInterchangesAreReadAlikeInEitherCharset() throws IOException {
        for (String text : valid()) {
            Charset declared = text.contains("UNOW") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            assertThat(same(text, declared)).as(text).isTrue();
            same(text, StandardCharsets.UTF_8);
            same(text, StandardCharsets.ISO_8859_1);
            same(text.replace("UNOC", "UNOW"), StandardCharsets.UTF_8);
            same(text.replace("UNOC", "UNOA"), StandardCharsets.UTF_8);
        }
    }

    @Test
    void separatorsAndReleaseCharactersAnywhereAreReadAlike() {
        String[] unas = {"UNA:+.? '", "UNA>*,! ~", "UNA:+.?*'", "UNA|^.\\ #", "UNA:+.  '", "UNA.,:?*\n", "UNA:+.??'",
            "UNA::.? '", "UNA:+.? +", "UNAé+.? '", "UNA:+.? 'x", "UNA\n+.? '"};
        for (String una : unas) {
            char component = una.charAt(3), element = una.charAt(4), release = una.charAt(6),
                    terminator = una.charAt(8);
            String unb = "UNB" + element + "UNOC" + component + "3" + element + "SENDER" + release + element + "X"
                    + component + "14" + element + "REC" + release + release + component + "14" + element + "261205"
                    + component + "1000" + element + "R" + release + terminator + "1" + terminator;
            String body = "UNH" + element + "1" + element + "ORDERS" + component + "D" + component + "96A" + component
                    + "UN" + terminator
                    + "NAD" + element + "DP" + element + "A" + release + element + "B" + release + component + "C"
                    + release + terminator + element + element + "end" + release + release + terminator
                    + "FTX" + element + element + element + component + element + element + terminator
                    + "FTX" + element + "X" + release + terminator
                    + "FTX" + element + "last" + release + release + release + element + terminator
                    + "UNT" + element + "5" + element + "1" + terminator;
            String tail = "UNZ" + element + "1" + element + "R" + release + terminator + "1" + terminator;
            same(una + unb + body + tail);
            same(una + unb + body + "UNZ" + element + "1" + element + "R1" + terminator);
            same(una + unb.replace("UNOC" + component + "3", "UNOC" + component + "4") + body + tail);
            same(una + unb.replace("SENDER" + release, "SENDER" + release + release) + body + tail);
        }
        // without UNA, the release character in UNB, in values and before the terminator
        same("UNB+UNOC:3+SEN?+DER:14+REC?'1:14+261205:1000+R1?''" + MESSAGE.replace("PO-1", "PO?+1?:2??") + "UNZ+1+R1'");
        same("UNB+UNOC:3+S:14+R:14+261205:1000+R1'UNH+1+ORDERS:D:96A:UN'FTX+A?'B+C??'UNT+3+1'UNZ+1+R1'");
        same("UNB+UNOC:3+S:14+R:14+261205:1000+R1'UNH+1+ORDERS:D:96A:UN'FTX+A?'UNT+2+1'UNZ+1+R1'");
    }

    @Test
    void x12SeparatorsAndRepetitionsAreReadAlike() {
        String[][] separators = {{"*", ">", "~"}, {"|", ":", "!"}, {"*", ":", "\n"}, {"^", "\\", "~"},
            {"*", "~", "~"}, {"*", ">", "*"}, {"\t", ">", "~"}, {"+", ":", "'"}};
        for (String[] s : separators) {
            for (String version : List.of("00401", "00501", "00704")) {
                String isa = ISA.replace("*", s[0]).replace(">~", s[1] + s[2]).replace("00401", version);
                String rest = (GS + SET + "ISX*?~REF*ZZ*A?*B*C^D^E~GE*1*8~IEA*1*000000007~").replace("*", s[0])
                        .replace("~", s[2]).replace(">", s[1]);
                same(isa + rest, StandardCharsets.UTF_8);
                same(isa.replace("*U*", "*^*").replace("|U|", "|^|") + rest, StandardCharsets.UTF_8);
                same(isa + "\r\n" + rest.replace(s[2], s[2] + "\r\n"), StandardCharsets.UTF_8);
            }
        }
        same(ISA.replace("ZZ*", "ZZ\r\n*") + GS + SET + "GE*1*8~IEA*1*000000007~");
        // from 00704 on each ISX declares a release character
        StringBuilder releases = new StringBuilder();
        for (char c = 'à'; c < 'à' + 20; c++) {
            releases.append("ISX*").append(c).append("~REF*ZZ*A").append(c).append("*B~");
        }
        same(ISA.replace("00401", "00704") + GS + SET.replace("ST*850*0001~", "ST*850*0001~" + releases)
                + "GE*1*8~IEA*1*000000007~", StandardCharsets.UTF_8);
        same(ISA.replace("*U*", "* *").replace("00401", "00501") + GS + SET + "GE*1*8~IEA*1*000000007~");
        same(ISA.replace("*U*", "*\n*").replace("00401", "00501") + GS + SET + "GE*1*8~IEA*1*000000007~");
    }

    @Test
    void whiteSpaceEmptyElementsAndTrailingSeparatorsAreReadAlike() {
        same(UNB + "\r\n" + MESSAGE.replace("'", "'\r\n") + "  UNZ+1+R1'\n\n");
        same(UNB + MESSAGE.replace("BGM+220+PO-1+9", "BGM+22\r\n0+P O-1++:+::+") + "UNZ+1+R1'");
        same(UNB + MESSAGE.replace("BGM+220+PO-1+9", "BGM++++") + "UNZ+1+R1'");
        same(UNB + MESSAGE.replace("BGM+220+PO-1+9", "BGM") + "UNZ+1+R1'");
        same(UNB + MESSAGE.replace("BGM+220+PO-1+9", "BG") + "UNZ+1+R1'");
        same(UNB + MESSAGE.replace("BGM+220+PO-1+9", "B\tG\nM+\u0001x\u0000y") + "UNZ+1+R1'");
        same(UNB + MESSAGE + "UNZ+1+R1'" + "\u0000 \t");
        same(UNB + MESSAGE + "UNZ+1+R1+'");
        same(UNB + MESSAGE + "UNZ+1:2+R1'");
        same(UNB + MESSAGE + "UNZ'");
        same(UNB + MESSAGE + "UN+1'UNZ+1+R1'");
        same(UNB + MESSAGE + "UN'UNZ+1+R1'");
        same(UNB + MESSAGE + "U N Z+1+R1'");
        same(UNB + MESSAGE + "UNZ+1+R1'UNZ+1+R1'");
        same(UNB + MESSAGE + "UNZ+1+R1'" + UNB + MESSAGE + "UNZ+1+R1'");
        same(UNB + MESSAGE + "UNZ+1+R1'\nUNA:+.? '" + UNB + "UNZ+0+R1'");
        same(UNB + MESSAGE + "UNZ+1+R1'STX=ANA:1+X'");
        same(UNB + MESSAGE + "UNZ+1+R1'STX=A'");
        same(UNB + MESSAGE + "UNZ+1+R1'" + ISA);
        same(UNB + MESSAGE + "UNZ+1+R1'x");
        same(UNB + MESSAGE + "UNZ+1+R1'" + "UNB+UNOC'");
        same(ISA + GS + SET + "GE*1*8~IEA*1*000000007~IEA*1*000000007~");
        same(ISA + GS + SET + "GE*1*8~IE*1~IEA*1*000000007~");
        same(ISA + GS + SET + "GE*1*8~IE~IEA*1*000000007~");
    }

    @Test
    void brokenAndHostileBodiesAreRefusedAlike() throws IOException {
        String good = resources().get(1);
        byte[] latin = good.getBytes(StandardCharsets.ISO_8859_1);
        for (int length = 0; length <= latin.length; length++) {
            same(java.util.Arrays.copyOf(latin, length));
        }
        String x12 = ISA + GS + SET + "GE*1*8~IEA*1*000000007~";
        for (int length = 0; length <= x12.length(); length++) {
            same(x12.substring(0, length));
        }
        same(UNB + MESSAGE); // no UNZ
        same(ISA + GS + SET + "GE*1*8~"); // no IEA
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        same(binary);
        byte[] tail = java.util.Arrays.copyOf(latin, 80 + binary.length);
        System.arraycopy(binary, 0, tail, 80, binary.length);
        same(tail);
        same(good.replace("UNOC", "UNOA"), StandardCharsets.UTF_8);
        same(good.replace("UNOC", "UNOW"), StandardCharsets.ISO_8859_1);
        same(good.replace("UNOC", "UNOF").replace("Müller", "Mü\u00AEller"), StandardCharsets.ISO_8859_1);
        same(good.replace("UNOC", "UNOW").replace("Müller", "M\uD83D\uDE00ller"), StandardCharsets.UTF_8);
        same(good.replace("UNOC", "UNOW").replace("UNZ*2", "UNZ*\uD83D\uDE002"), StandardCharsets.UTF_8);
        byte[] cut = good.replace("UNOC", "UNOW").getBytes(StandardCharsets.UTF_8);
        same(concat(cut, new byte[] {(byte) 0xF0, (byte) 0x9F}));
        same(concat(cut, new byte[] {' ', (byte) 0xC3}));
        same(concat(cut, new byte[] {(byte) 0xC3, 0x28}));
        same(concat(java.util.Arrays.copyOf(cut, 200), new byte[] {(byte) 0xE2, (byte) 0x82}));
        same(good.replace("UNOC", "UNOX"));
        same("UNB+UNOC+S:14+R:14+261205:1000+R1'UNZ+0+R1'");
        same("UNB+UNOC:+S:14+R:14+261205:1000+R1'UNZ+0+R1'");
        same("UNA:+.? 'UNB+UNOC'UNZ+0+R1'");
        same("UNA:+.? 'UNH+UNOC:3'UNZ+0+R1'");
        same("UNA:+.? 'XNB+UNOC:3+S'UNZ+0+R1'");
        same("UNAx+.? 'UNB+UNOCx3+S'UNZ+0+R1'");
        same("UNAd+.? 'UNB+UNOCd3+S'UNZ+0+R1'");
        same("ISA*00*short~");
        same(good.replace("LIN*2**", "LIN*2**1>SRV~QTY*21>1~".repeat(100_000) + "LIN*2**"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** What a mutation may put in: separators of both standards, release characters, white space, letters, bytes. */
    private static final String[] PIECES = {"'", "+", ":", "?", "*", "~", ">", "^", "!", "|", " ", "\r\n", "\n", "\t",
        "\u0000", "\u0001", "\u007F", "U", "N", "Z", "A", "B", "I", "E", "S", "T", "X", "1", "9", "a", "é", "??",
        "?'", "UNZ+1+R1'", "UNH+9+ORDERS:D:96A:UN'", "UNT+2+9'", "SE*2*9~", "IEA*1*000000007~", "ISX*?~"};

    @Test
    void thousandsOfMutatedInterchangesAreReadAlike() throws IOException {
        Random random = new Random(20261207);
        List<String> valid = valid();
        int read = 0, refused = 0;
        for (int round = 0; round < 6000; round++) {
            String text = valid.get(random.nextInt(valid.size()));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations && !text.isEmpty(); m++) {
                int at = random.nextInt(text.length());
                text = switch (random.nextInt(6)) {
                    case 0 -> text.substring(0, at) + text.substring(at + 1);
                    case 1 -> text.substring(0, at) + PIECES[random.nextInt(PIECES.length)] + text.substring(at);
                    case 2 -> text.substring(0, at) + PIECES[random.nextInt(PIECES.length)]
                            + text.substring(at + 1);
                    case 3 -> {
                        int to = Math.min(text.length(), at + 1 + random.nextInt(40));
                        yield text.substring(0, to) + text.substring(at, to) + text.substring(to);
                    }
                    case 4 -> text.substring(0, at);
                    default -> {
                        // near the header, where the separators are declared
                        int near = random.nextInt(Math.min(text.length(), 120));
                        yield text.substring(0, near) + PIECES[random.nextInt(PIECES.length)]
                                + text.substring(Math.min(text.length(), near + random.nextInt(2)));
                    }
                };
            }
            Charset charset = random.nextInt(4) == 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            if (same(text, charset)) {
                read++;
            } else {
                refused++;
            }
        }
        // the mutations must reach both sides: read interchanges (with their errors) and refusals
        assertThat(read).isGreaterThan(1000);
        assertThat(refused).isGreaterThan(1000);
    }
}
