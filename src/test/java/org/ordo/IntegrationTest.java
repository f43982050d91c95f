package org.ordo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole application on a random port with a real PostgreSQL: the embedded one, started once
 * per test run in a fresh directory (or the one named by ORDO_DB_URL). All integration tests share this one
 * configuration so that Spring starts the application once; each test makes its own data (unique SKUs, keys).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = FakePaymentProvider.class)
@org.springframework.context.annotation.Import(TestClock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ordo.data-dir=target/it-data",
        "ordo.db.embedded-clean=true",
        "ordo.demo-data=false",
        "ordo.bootstrap-api-key=" + Api.ADMIN_KEY,
        "ordo.bootstrap-admin-password=" + Api.ADMIN_PASSWORD,
        "ordo.payment.webhook-secret=" + Api.PAYMENT_SECRET,
        "ordo.shipping.webhook-secret=" + Api.TRACKING_SECRET,
        // the tests run the follow-up and quote expiry jobs themselves, at the moments they choose
        "ordo.orders.follow-up-every=PT24H",
        "ordo.billing.quote-expiry-every=PT24H",
        // ... and the promise moves (they would tell other tests' customers of a missed cut-off mid-run)
        "ordo.promise.move-every=PT24H",
        // ... and the analysis of grown tables (GrownTablesIntegrationTests grows a table and analyzes it itself)
        "ordo.database.grown-tables-every=PT24H",
        "logging.level.org.ordo.platform.web=WARN",
        // webhook tests' receivers listen on http://127.0.0.1 (docs/webhooks.md)
        "ordo.webhooks.allow-http-localhost=true",
        // ... and the webhook tests run the dispatcher themselves, at the moments (and clock) they choose
        "ordo.webhooks.deliver-every=PT1H",
        // every test logs in from this machine's address: the suite's wrong passwords must not lock it out
        // (LoginThrottleIntegrationTests proves the per-address lock with settings of its own)
        "ordo.security.login.max-failures-per-address=100000",
        // Shopware's app registration handshake is taken (ShopwareAppRegistrationIntegrationTests signs with it)
        "ordo.channels.shopware-app-secret=shopware-app-secret-of-the-tests"})
public @interface IntegrationTest {
}
