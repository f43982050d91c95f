package org.ordo.audit;

import java.io.PrintStream;
import java.util.List;

import org.ordo.platform.database.DatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar ordo.jar check}: runs the checker once, prints every finding and a summary line. The exit code
 * is 0 when every invariant holds and 1 when anything is wrong (the launcher in {@code Ordo} makes it 2 when the
 * check could not run at all).
 */
@Component
@ConditionalOnProperty(name = "ordo.mode", havingValue = "check")
class InvariantCheckCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int CLEAN = 0;
    static final int FOUND = 1;

    private final InvariantChecker checker;
    private final DatabaseServer database;
    private final PrintStream out;
    private int exitCode = FOUND;

    @Autowired
    InvariantCheckCommand(InvariantChecker checker, DatabaseServer database) {
        this(checker, database, System.out);
    }

    InvariantCheckCommand(InvariantChecker checker, DatabaseServer database, PrintStream out) {
        this.checker = checker;
        this.database = database;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = check();
    }

    int check() {
        // The query string of a JDBC URL may carry a password.
        String url = database.url();
        out.println("Checking " + (url.contains("?") ? url.substring(0, url.indexOf('?')) : url));
        InvariantReport report = checker.check();
        report.findings().forEach(f -> out.println("FAIL " + f.invariant() + ": " + f.message()));
        if (report.ok()) {
            out.printf("OK: all %d invariants hold (%d ms)%n", report.invariants().size(), report.tookMillis());
            return CLEAN;
        }
        List<String> broken = report.findings().stream().map(InvariantReport.Finding::invariant).distinct().toList();
        int count = report.findings().size();
        out.printf("FAILED: %d %s, %d of %d invariants broken: %s (%d ms)%n", count, count == 1 ? "finding" : "findings",
                broken.size(), report.invariants().size(), String.join(", ", broken), report.tookMillis());
        return FOUND;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
