package org.ordo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whole numbers in query and path parameters are taken exactly as written in ASCII digits or refused with a 400
 * naming the parameter (invariant 8 in docs/design.md): Spring's own conversion read {@code ٣} and full-width
 * {@code ３} as 3, {@code 0x10} as 16 and {@code 1 0} as 10.
 */
@IntegrationTest
class NumberParametersIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aPageSizeInOtherDigitsOrNotationsIsRefusedNamingIt() {
        Api api = Api.admin(port);
        for (String limit : List.of("\u0663", "\uff13", "0x10", "#10", "1 0", "+3", "3.0", "99999999999")) {
            Api.Response refused = api.get("/api/v1/orders?limit=" + URLEncoder.encode(limit, StandardCharsets.UTF_8));
            assertThat(refused.status()).as(limit).isEqualTo(400);
            assertThat(refused.errorFields()).as(limit).containsExactly("limit");
        }
        assertThat(api.get("/api/v1/orders?limit=3").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders?limit=").status()).as("empty: the default").isEqualTo(200);
    }
}
