package org.ordo.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.ordo.platform.database.DatabaseServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's security services as another node has them: built here on connections of their own, sharing
 * nothing with the application under test but the database. Either on the application's database ({@link #on}),
 * or on a database of its own, migrated like the real one ({@link #withOwnDatabase}), for rules about "the last"
 * admin that the shared test database (with its bootstrap admin) cannot show.
 */
final class Node {

    final JdbcClient jdbc;
    final TransactionTemplate transaction;
    final SecurityAuditLog audit;
    final Users users;
    final ApiKeys keys;

    private Node(DatabaseServer server, String url) {
        var dataSource = new DriverManagerDataSource(url, server.user(), server.password());
        var transactions = new DataSourceTransactionManager(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.audit = new SecurityAuditLog(jdbc, Clock.systemUTC(), transactions);
        this.users = new Users(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), audit,
                Clock.systemUTC());
        this.keys = new ApiKeys(jdbc, new ApiKeyCache(Duration.ZERO, server, false, System::nanoTime), audit,
                Clock.systemUTC());
    }

    static Node on(DatabaseServer server) {
        return new Node(server, server.url());
    }

    /** The migrated, empty database that each own database is copied from (copying is much faster than migrating). */
    private static String template;

    static Node withOwnDatabase(DatabaseServer server) {
        var admin = JdbcClient.create(new DriverManagerDataSource(server.url(), server.user(), server.password()));
        synchronized (Node.class) {
            if (template == null) {
                String name = "ordo_node_template_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
                admin.sql("CREATE DATABASE " + name).update();
                Flyway.configure().dataSource(url(server, name), server.user(), server.password())
                        .locations("classpath:db/migration").load().migrate();
                template = name;
            }
        }
        String name = "ordo_node_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin.sql("CREATE DATABASE " + name + " TEMPLATE " + template).update();
        return new Node(server, url(server, name));
    }

    private static String url(DatabaseServer server, String database) {
        return server.url().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }

    /** Runs the work in a transaction, as the services' @Transactional would. */
    <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }
}
