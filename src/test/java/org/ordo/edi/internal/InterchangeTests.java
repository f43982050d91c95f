package org.ordo.edi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ordo.edi.internal.Interchange.SyntaxError;
import org.ordo.platform.InvalidInputException;

/**
 * One test per rule of an interchange's envelopes that CONTRL and 997 report, which Ordo checks itself
 * ({@link ControlStructure}) since StAEDI reads the segments without its control schema: each names the segment,
 * its position, the element and the EDIFACT syntax error code.
 */
class InterchangeTests {

    private static final String UNB = "UNB+UNOC:3+5412345000013:14+4012345000009:14+261205:1000+R1'";
    private static final String MESSAGE_1 = "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO-1+9'LIN+1++4006381333931:SRV'"
            + "QTY+21:3'UNT+5+1'";
    private static final String MESSAGE_2 = "UNH+2+ORDERS:D:96A:UN:EAN008'BGM+220+PO-2+9'UNT+3+2'";
    private static final String ISA = "ISA*00*          *00*          *ZZ*5412345000013  *ZZ*4012345000009  *261205*1000"
            + "*U*00401*000000007*0*P*>~";
    private static final String GS = "GS*PO*5412345000013*4012345000009*20261205*1000*8*X*004010~";
    private static final String SET_1 = "ST*850*0001~BEG*00*SA*PO-1**20261205~PO1*1*3*EA***EN*4006381333931~SE*4*0001~";
    private static final String SET_2 = "ST*850*0002~BEG*00*SA*PO-2**20261205~SE*3*0002~";

    private static Interchange read(String text) {
        return Interchange.read(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static List<org.assertj.core.groups.Tuple> faults(List<SyntaxError> errors) {
        return errors.stream().map(e -> tuple(e.segmentTag(), e.segmentPosition(), e.element(), e.code())).toList();
    }

    @Test
    void aWellFormedInterchangeHasNoErrorsAndItsMessagesCountFromTheirHeader() {
        Interchange interchange = read("UNA:+.? '" + UNB + MESSAGE_1 + MESSAGE_2 + "UNZ+2+R1'");
        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.messages()).extracting(Interchange.Message::ref, m -> m.segments().size(),
                m -> m.errors().isEmpty()).containsExactly(tuple("1", 5, true), tuple("2", 3, true));
        assertThat(interchange.messages().get(1).segments()).extracting(Interchange.Segment::position)
                .containsExactly(1, 2, 3);
        assertThat(interchange.header().value(5)).isEqualTo("R1");
    }

    @Test
    void untCountingOtherThanTheMessagesSegmentsRejectsTheMessage() {
        Interchange interchange = read(UNB + MESSAGE_1.replace("UNT+5+1", "UNT+6+1") + MESSAGE_2 + "UNZ+2+R1'");
        assertThat(faults(interchange.messages().get(0).errors())).containsExactly(tuple("UNT", 5, 1, 29));
        assertThat(interchange.messages().get(1).errors()).isEmpty();
        assertThat(interchange.errors()).isEmpty();
    }

    @Test
    void untNamingAnotherReferenceThanUnhRejectsTheMessage() {
        Interchange interchange = read(UNB + MESSAGE_1.replace("UNT+5+1", "UNT+5+9") + "UNZ+1+R1'");
        assertThat(faults(interchange.messages().get(0).errors())).containsExactly(tuple("UNT", 5, 2, 28));
    }

    @Test
    void unzCountingOtherThanTheMessagesRejectsTheInterchange() {
        Interchange interchange = read(UNB + MESSAGE_1 + MESSAGE_2 + "UNZ+3+R1'");
        assertThat(faults(interchange.errors())).containsExactly(tuple("UNZ", 10, 1, 29));
    }

    @Test
    void unzNamingAnotherReferenceThanUnbRejectsTheInterchange() {
        Interchange interchange = read(UNB + MESSAGE_1 + "UNZ+1+R2'");
        assertThat(faults(interchange.errors())).containsExactly(tuple("UNZ", 7, 2, 28));
    }

    @Test
    void aMessageWithoutUntIsRejectedAndTheNextHeaderStartsTheNextMessage() {
        Interchange interchange = read(UNB + MESSAGE_1.replace("UNT+5+1'", "") + MESSAGE_2 + "UNZ+2+R1'");
        assertThat(interchange.messages()).extracting(Interchange.Message::ref).containsExactly("1", "2");
        assertThat(faults(interchange.messages().get(0).errors())).containsExactly(tuple("UNT", 0, 0, 13));
        assertThat(interchange.messages().get(1).errors()).isEmpty();
        assertThat(interchange.errors()).as("UNZ counts both messages").isEmpty();
    }

    @Test
    void theEnvelopesMandatoryElementsAreRequired() {
        Interchange interchange = read(UNB.replace("+261205:1000+", "+261205+") + MESSAGE_1.replace("UNT+5+1'",
                "UNT+5'") + "UNH+2'UNT+2+2'UNZ+2'");
        assertThat(faults(interchange.errors())).containsExactly(tuple("UNB", 1, 4, 13), tuple("UNZ", 9, 2, 13));
        assertThat(interchange.errors().get(0).component()).isEqualTo(2);
        assertThat(faults(interchange.messages().get(0).errors())).containsExactly(tuple("UNT", 5, 2, 13));
        assertThat(faults(interchange.messages().get(1).errors())).as("the message identifier, once")
                .containsExactly(tuple("UNH", 1, 2, 13));
    }

    @Test
    void countsMustBeDigitsAndReferencesNotTooLong() {
        Interchange interchange = read(UNB + MESSAGE_1.replace("UNT+5+1", "UNT+X+1") + MESSAGE_2.replace("+2+",
                "+123456789012345+").replace("UNT+3+2", "UNT+3+123456789012345") + "UNZ+2+R1'");
        assertThat(faults(interchange.messages().get(0).errors())).containsExactly(tuple("UNT", 5, 1, 37));
        assertThat(faults(interchange.messages().get(1).errors())).containsExactly(tuple("UNH", 1, 1, 39));
    }

    @Test
    void anEnvelopeSegmentWithMoreElementsThanItsStandardDefinesIsAnError() {
        Interchange interchange = read(UNB + MESSAGE_1.replace("UNT+5+1", "UNT+5+1+X") + "UNZ+1+R1'");
        assertThat(faults(interchange.messages().get(0).errors())).containsExactly(tuple("UNT", 5, 3, 16));
    }

    @Test
    void aSegmentOutsideEveryMessageRejectsTheInterchange() {
        Interchange interchange = read(UNB + MESSAGE_1 + "FTX+AAI+++stray'" + MESSAGE_2 + "UNZ+2+R1'");
        assertThat(faults(interchange.errors())).containsExactly(tuple("FTX", 7, 0, 15));
        assertThat(interchange.messages()).extracting(m -> m.segments().size()).containsExactly(5, 3);
    }

    @Test
    void groupsAreCountedByUnzAndTheirMessagesByUne() {
        String ung = "UNG+ORDERS+5412345000013:14+4012345000009:14+261205:1000+G1+UN+D:96A'";
        assertThat(read(UNB + ung + MESSAGE_1 + MESSAGE_2 + "UNE+2+G1'UNZ+1+R1'").errors()).isEmpty();
        assertThat(faults(read(UNB + ung + MESSAGE_1 + MESSAGE_2 + "UNE+3+G2'UNZ+2+R1'").errors()))
                .containsExactly(tuple("UNE", 11, 1, 29), tuple("UNE", 11, 2, 28), tuple("UNZ", 12, 1, 29));
    }

    @Test
    void x12SeCountingOtherThanTheSetsSegmentsOrNamingAnotherControlNumberRejectsTheSet() {
        Interchange interchange = read(ISA + GS + SET_1.replace("SE*4*0001", "SE*5*0009") + SET_2 + "GE*2*8~"
                + "IEA*1*000000007~");
        assertThat(faults(interchange.messages().get(0).errors())).containsExactly(tuple("SE", 4, 1, 29),
                tuple("SE", 4, 2, 28));
        assertThat(interchange.messages().get(1).errors()).isEmpty();
        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.messages().get(0).version()).isEqualTo("004010");
    }

    @Test
    void x12GeCountingOtherThanTheGroupsSetsOrNamingAnotherGroupRejectsTheInterchange() {
        assertThat(faults(read(ISA + GS + SET_1 + SET_2 + "GE*3*8~IEA*1*000000007~").errors()))
                .containsExactly(tuple("GE", 10, 1, 29));
        assertThat(faults(read(ISA + GS + SET_1 + SET_2 + "GE*2*9~IEA*1*000000007~").errors()))
                .containsExactly(tuple("GE", 10, 2, 28));
    }

    @Test
    void x12IeaCountingOtherThanTheGroupsOrNamingAnotherInterchangeRejectsIt() {
        assertThat(faults(read(ISA + GS + SET_1 + "GE*1*8~IEA*2*000000007~").errors()))
                .containsExactly(tuple("IEA", 8, 1, 29));
        assertThat(faults(read(ISA + GS + SET_1 + "GE*1*8~IEA*1*000000008~").errors()))
                .containsExactly(tuple("IEA", 8, 2, 28));
    }

    @Test
    void x12AMissingSeOrGeIsAnError() {
        Interchange noSe = read(ISA + GS + SET_1.replace("SE*4*0001~", "") + SET_2 + "GE*2*8~IEA*1*000000007~");
        assertThat(faults(noSe.messages().get(0).errors())).containsExactly(tuple("SE", 0, 0, 13));
        Interchange noGe = read(ISA + GS + SET_1 + "IEA*1*000000007~");
        assertThat(faults(noGe.errors())).containsExactly(tuple("GE", 0, 0, 13));

        // the 997 rejects the set without SE with AK5 code 2 (transaction set trailer missing)
        ControlReport.Party us = new ControlReport.Party("4012345000009", "ZZ");
        ControlReport.Party them = new ControlReport.Party("5412345000013", "ZZ");
        String ack = FunctionalAcknowledgement.write(us, them, "4012345000009", "5412345000013", 1,
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC), "8", noSe.errors(), noSe.messages().stream()
                        .map(m -> new FunctionalAcknowledgement.SetReport(m.ref(), m.errors())).toList());
        assertThat(ack).contains("AK2*850*0001~\nAK5*R*2~").contains("AK2*850*0002~\nAK5*A~");
    }

    @Test
    void theBodyIsReadInTheCharsetUnbDeclaresAndBytesOutsideItAreRefused() {
        byte[] latin1 = (UNB + "UNH+1+ORDERS:D:96A:UN:EAN008'NAD+DP+++Müller'UNT+3+1'UNZ+1+R1'")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Interchange.read(latin1).messages().get(0).segments().get(1).value(4)).isEqualTo("Müller");
        byte[] utf8InAscii = (UNB.replace("UNOC", "UNOA") + "UNH+1+ORDERS:D:96A:UN:EAN008'NAD+DP+++Müller'UNT+3+1'"
                + "UNZ+1+R1'").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Interchange.read(utf8InAscii)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).message()).isEqualTo("holds bytes that are not US-ASCII as UNB's "
                        + "UNOA declares"));
        byte[] latin1InUtf8 = (UNB.replace("UNOC", "UNOW") + "UNH+1+ORDERS:D:96A:UN:EAN008'NAD+DP+++Müller'UNT+3+1'"
                + "UNZ+1+R1'").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Interchange.read(latin1InUtf8)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anInterchangeThatEndsInsideAMessageOrWithoutUnzIsRefused() {
        assertThatThrownBy(() -> read(UNB + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO-1+9'"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> read(UNB + MESSAGE_1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> read(UNB + MESSAGE_1 + "UNZ+1+R1'" + UNB + "UNZ+0+R1'"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).message())
                        .isEqualTo("must hold exactly one interchange"));
    }
}
