package org.ordo.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * A document's id follows from its kind and number, as it always has: messages already queued name their
 * attachments by it, so it must not change.
 */
class DocumentIdsTests {

    private static UUID nameBased(DocumentKind kind, String number) {
        return UUID.nameUUIDFromBytes(("ordo-document:" + kind.name() + ":" + number)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theIdIsTheNameBasedUuidOfKindAndNumber() {
        assertThat(DocumentArchive.idOf(DocumentKind.CONFIRMATION, "SO-100001"))
                .isEqualTo(nameBased(DocumentKind.CONFIRMATION, "SO-100001"));
        for (DocumentKind kind : DocumentKind.values()) {
            for (String number : List.of("", "SO-100001", "SO-100001-v2", "RE-2026-000017", "ä€한국어", "x".repeat(500))) {
                UUID id = DocumentArchive.idOf(kind, number);
                assertThat(id).as("%s %s", kind, number).isEqualTo(nameBased(kind, number));
                assertThat(id.version()).isEqualTo(3);
            }
        }
    }

    /** Eight threads at once, each id the one a fresh digest makes. */
    @Test
    void idsMadeOnManyThreadsAtOnceAreEachRight() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String number = "SO-" + thread + "-" + i;
                        if (!DocumentArchive.idOf(DocumentKind.CONFIRMATION, number)
                                .equals(nameBased(DocumentKind.CONFIRMATION, number))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
