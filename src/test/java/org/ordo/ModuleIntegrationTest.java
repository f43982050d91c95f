package org.ordo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The settings of a module test ({@code @ApplicationModuleTest}): the embedded PostgreSQL as in
 * {@link IntegrationTest}, but in a data directory of its own, because a module test starts a context of its own
 * while the application's context (and its database) is still cached. Each module test makes its own data
 * ({@link ModuleFixtures}). Every module test class after the first starts a context of its own too, while the
 * earlier ones stay cached with their servers running: it names a data directory of its own with
 * {@code @TestPropertySource(properties = "ordo.data-dir=target/it-data-module-<module>")}, which takes
 * precedence over the one here (a clean start would otherwise delete a running server's directory).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = FakePaymentProvider.class)
@Import(TestClock.class)
@TestPropertySource(properties = {
        "ordo.data-dir=target/it-data-modules",
        "ordo.db.embedded-clean=true",
        "ordo.demo-data=false",
        "ordo.bootstrap-api-key=" + Api.ADMIN_KEY,
        "ordo.bootstrap-admin-password=" + Api.ADMIN_PASSWORD,
        "ordo.payment.webhook-secret=" + Api.PAYMENT_SECRET,
        "ordo.shipping.webhook-secret=" + Api.TRACKING_SECRET,
        "ordo.orders.follow-up-every=PT24H",
        "ordo.billing.quote-expiry-every=PT24H",
        "ordo.promise.move-every=PT24H",
        "ordo.webhooks.deliver-every=PT1H"})
public @interface ModuleIntegrationTest {
}
