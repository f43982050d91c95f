package org.ordo;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Ordo: order processing and fulfillment. One Spring Modulith application; each top-level package is a module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Ordo {

    /** Exit code of {@code check} when the check could not run (no database, wrong schema). */
    static final int CHECK_FAILED = 2;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("check")) {
            System.exit(check(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (Boolean.getBoolean("ordo.sigterm-exits-zero")) {
            exitZeroOnSigterm();
        }
        SpringApplication.run(Ordo.class, args);
    }

    /**
     * Under {@code ./mvnw spring-boot:run} (the pom sets {@code ordo.sigterm-exits-zero}), a stop by SIGTERM is the
     * way the developer ends the run: Maven sends it itself when Ordo takes more than 5 s to end after Ctrl-C, and an
     * IDE's stop button or {@code kill} send it too. The JVM would end with 143 and Maven would report the run as a
     * failed build; this ends it the same graceful way (shutdown hooks, then the embedded PostgreSQL) with 0.
     */
    @SuppressWarnings("restriction")
    static void exitZeroOnSigterm() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> System.exit(0));
        } catch (IllegalArgumentException e) {
            // the JVM keeps SIGTERM to itself (-Xrs) or the platform has none: the default exit code stays
        }
    }

    /**
     * {@code ordo check}: runs the invariant checker once against the configured database, without the web
     * server, migrations, demo data or key bootstrap (profile {@code check}); 0 when every invariant holds, 1
     * when anything is wrong, 2 when it could not check.
     */
    static int check(String[] args) {
        // The ahead-of-time context (bin/ordo runs with -Dspring.aot.enabled=true) is the server's, worked out at
        // build time without the check profile; the check builds its own context as usual.
        System.clearProperty("spring.aot.enabled");
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Ordo.class)
                    .web(WebApplicationType.NONE).profiles("check").run(args);
            return SpringApplication.exit(context);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("Could not check: " + cause.getMessage());
            return CHECK_FAILED;
        }
    }
}
