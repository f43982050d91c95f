package org.ordo.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.ordo.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The savepoints of a batch's orders on the real database: an order rolled back to its savepoint loses its own work
 * only, the orders before and after it keep theirs, and each order's savepoint costs one statement (the release of
 * the last one goes with it), not two (docs/benchmarks.md, P4).
 */
@IntegrationTest
class OrderSavepointsIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void anOrderRolledBackToItsSavepointLosesItsOwnWorkOnlyAndEachSavepointIsOneStatement() throws Exception {
        try (Connection real = dataSource.getConnection()) {
            AtomicInteger statements = new AtomicInteger();
            Connection counted = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            real.setAutoCommit(false);
            try {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(counted, true));
                jdbc.sql("CREATE TEMPORARY TABLE batch_work (n int) ON COMMIT DROP").update();
                OrderSavepoints.Chain chain = new OrderSavepoints(jdbc, dataSource).chain();
                int before = statements.get();
                for (int order = 1; order <= 4; order++) {
                    chain.next();
                    jdbc.sql("INSERT INTO batch_work VALUES (:n), (:n)").param("n", order).update();
                    if (order == 2 || order == 3) {
                        chain.rollback();
                    }
                }
                chain.end();
                // four savepoints, two rollbacks, one release at the end; an insert per order
                assertThat(statements.get() - before).isEqualTo(4 + 2 + 1 + 4);

                assertThat(jdbc.sql("SELECT n FROM batch_work ORDER BY n").query(Integer.class).list())
                        .isEqualTo(List.of(1, 1, 4, 4));
                // the batch released its last savepoint: the transaction goes on with none of them set
                jdbc.sql("SAVEPOINT probe").update();
                assertThat(jdbc.sql("SELECT count(*) FROM batch_work").query(Long.class).single()).isEqualTo(4);
            } finally {
                real.rollback();
                real.setAutoCommit(true);
            }
        }
    }
}
