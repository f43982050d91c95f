package org.ordo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** Where webhooks may go: https on public addresses; this machine and private networks only when allowed. */
class ReceiverAddressesTests {

    private final ReceiverAddresses strict = new ReceiverAddresses(false, false);
    private final ReceiverAddresses localTests = new ReceiverAddresses(true, false);
    private final ReceiverAddresses closedNetwork = new ReceiverAddresses(false, true);

    @Test
    void httpsOnAPublicHostIsTaken() {
        assertThat(strict.problem("https://erp.example.com/hooks/ordo?tenant=4")).isNull();
        assertThat(strict.problem("https://93.184.215.14:8443/hooks")).isNull();
        assertThat(strict.problem("https://[2606:2800:220:1::1]/hooks")).isNull();
    }

    @Test
    void plainHttpIsRefusedButToLocalhostWhenAllowed() {
        assertThat(strict.problem("http://erp.example.com/hooks").english()).contains("https");
        assertThat(strict.problem("http://127.0.0.1:8081/hooks").english()).contains("https");
        assertThat(localTests.problem("http://127.0.0.1:8081/hooks")).isNull();
        assertThat(localTests.problem("http://localhost:8081/hooks")).isNull();
        assertThat(localTests.problem("http://erp.example.com/hooks").english()).contains("https");
    }

    @Test
    void privateLoopbackLinkLocalAndSharedAddressesAreRefused() {
        for (String url : new String[] {"https://127.0.0.1/", "https://localhost/", "https://app.localhost/",
                "https://10.0.0.8/", "https://172.16.5.4/", "https://192.168.1.1/", "https://169.254.169.254/",
                "https://100.64.0.1/", "https://0.0.0.0/", "https://[::1]/", "https://[fd00::1]/",
                "https://[fe80::1]/", "https://[::ffff:10.0.0.1]/"}) {
            assertThat(strict.problem(url)).as(url).isNotNull();
        }
        assertThat(closedNetwork.problem("https://10.0.0.8/hooks")).isNull();
    }

    @Test
    void malformedUrlsAreRefused() {
        assertThat(strict.problem(null).english()).contains("required");
        assertThat(strict.problem("erp.example.com/hooks")).isNotNull();
        assertThat(strict.problem("https://user:secret@erp.example.com/").english()).contains("user info");
        assertThat(strict.problem("https://erp.example.com/#frag").english()).contains("fragment");
        assertThat(strict.problem("https://erp.example.com/" + "x".repeat(2000)).english()).contains("2000");
    }

    @Test
    void aNameThatResolvesToThisMachineIsRefusedAtDelivery() {
        assertThat(strict.refusalAtDelivery(URI.create("https://localhost/hooks"))).contains("loopback");
        assertThat(localTests.refusalAtDelivery(URI.create("http://127.0.0.1:9/hooks"))).isNull();
    }
}
