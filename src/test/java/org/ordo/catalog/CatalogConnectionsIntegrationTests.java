package org.ordo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reading articles outside a transaction gives its connection back. The lookup used to collect a JDBC stream that
 * was never closed, so each call from outside a transaction (the file import's preview, the mailroom's drafts) kept
 * one connection for good, until the pool was empty and every request answered 503.
 */
@IntegrationTest
class CatalogConnectionsIntegrationTests {

    @Autowired
    Catalog catalog;

    @Test
    void lookingUpArticlesOutsideATransactionKeepsNoConnection() {
        // more calls than the pool has connections (20): each would wait for one that never comes back
        for (int i = 0; i < 50; i++) {
            assertThat(catalog.findAll(List.of("NO-SUCH-SKU-" + i))).isEmpty();
        }
    }
}
