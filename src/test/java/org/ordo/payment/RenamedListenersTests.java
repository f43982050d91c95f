package org.ordo.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ordo.ordering.OrderCancelled;
import org.ordo.shipping.ShipmentShipped;

/**
 * V483 renames open event publications to the listeners that took over from PaymentManagement. The registry matches
 * a publication by the listener's id, built from its class, method and parameter types: if a listener moves or is
 * renamed again, the ids written in V483 no longer name a real listener and this test says so.
 */
class RenamedListenersTests {

    @Test
    void theListenerIdsWrittenByTheMigrationNameTheListenersThatExist() throws Exception {
        String migration = migration();
        assertThat(migration).contains(id(CancellationRefunds.class.getDeclaredMethod("on", OrderCancelled.class)));
        assertThat(migration).contains(id(ShipmentCaptures.class.getDeclaredMethod("on", ShipmentShipped.class)));
    }

    /** As Spring's ApplicationListenerMethodAdapter names a listener method. */
    private static String id(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getName).collect(Collectors.joining(","))
                + ")";
    }

    private static String migration() throws IOException {
        try (var in = RenamedListenersTests.class
                .getResourceAsStream("/db/migration/V483__payment_listeners_renamed.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
