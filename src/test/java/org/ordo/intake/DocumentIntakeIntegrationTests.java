package org.ordo.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A document that may produce several orders (an EDI interchange), taken in steps by {@link Intake#takeDocument}. */
@IntegrationTest
class DocumentIntakeIntegrationTests {

    @Autowired
    Intake intake;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDocumentTakenAgainAfterItsFirstAttemptFailedHalfWayIsStoredOnce() {
        String key = Fixtures.unique("ICR");
        byte[] body = ("UNB+UNOC:3+SENDER:14+US:14+261205:1000+" + key + "'").getBytes(StandardCharsets.UTF_8);
        List<UUID> seen = new ArrayList<>();

        // the first attempt stops half-way (the database went away, the node died): no answer is kept
        assertThatThrownBy(() -> intake.takeDocument("edi:TEST", key, "UNB.reference", "edi", "application/EDIFACT",
                body, "test", documentId -> {
                    seen.add(documentId);
                    throw new IllegalStateException("stopped half-way");
                })).isInstanceOf(RuntimeException.class);

        // sent again, it goes on with the copy the first attempt stored, which the first orders link to
        Intake.Answer answer = intake.takeDocument("edi:TEST", key, "UNB.reference", "edi", "application/EDIFACT",
                body, "test", documentId -> {
                    seen.add(documentId);
                    return new Intake.Processed(200, "{\"taken\":true}", null);
                });

        assertThat(answer.replayed()).isFalse();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        List<String> copies = jdbc.sql("SELECT status FROM inbound_document WHERE channel = 'edi' AND sha256 = :sha")
                .param("sha", org.ordo.platform.Sha256.hex(body)).query(String.class).list();
        assertThat(copies).containsExactly("PROCESSED");
        assertThat(intake.document(seen.get(0)).status()).isEqualTo(InboundDocument.Status.PROCESSED);
    }
}
