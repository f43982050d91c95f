package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ordo.platform.database.DatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code java -jar ordo.jar check} starts its own application without a web server. Every configuration that needs
 * the web (security chains, the back office) must stay out of it, or the command cannot start at all.
 */
@IntegrationTest
class CheckCommandIntegrationTests {

    @Autowired
    DatabaseServer database;

    @Test
    void theCheckCommandStartsWithoutTheWebAndReportsTheDatabaseSound() {
        int exit = Ordo.check(new String[] {"--ordo.db.url=" + database.url(), "--ordo.db.user=" + database.user(),
                "--ordo.db.password=" + database.password()});

        assertThat(exit).as("0: checked, every invariant holds; 2: the command could not start").isEqualTo(0);
    }
}
