package org.ordo.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events whose listener failed (or whose node died) are handed to their listeners again, at least once, by
 * one node at a time: the node that holds the advisory lock does it, the others skip the round.
 */
@Component
class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);
    private static final Duration OLDER_THAN = Duration.ofMinutes(1);

    private final IncompleteEventPublications publications;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    EventResubmission(IncompleteEventPublications publications, JdbcClient jdbc, TransactionTemplate transaction) {
        this.publications = publications;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void resubmit() {
        transaction.executeWithoutResult(tx -> {
            boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('ordo.event-resubmission'))")
                    .query(Boolean.class).single();
            if (mine) {
                publications.resubmitIncompletePublicationsOlderThan(OLDER_THAN);
            }
        });
        log.debug("Checked for incomplete event publications");
    }
}
