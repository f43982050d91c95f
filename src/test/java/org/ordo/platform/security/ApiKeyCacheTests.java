package org.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.ordo.platform.ApiClient;
import org.ordo.platform.Role;

class ApiKeyCacheTests {

    final AtomicLong now = new AtomicLong();
    final ApiClient shop = new ApiClient(UUID.randomUUID(), "shop", Role.INTEGRATION);
    final ApiClient erp = new ApiClient(UUID.randomUUID(), "erp", Role.INTEGRATION);

    ApiKeyCache listening(Duration ttl) {
        ApiKeyCache cache = new ApiKeyCache(ttl, null, false, now::get);
        cache.listening(true);
        return cache;
    }

    @Test
    void keepsAKeyForItsTimeOnly() {
        ApiKeyCache cache = listening(Duration.ofSeconds(30));
        cache.put("h1", shop, cache.generation());
        assertThat(cache.get("h1")).isEqualTo(shop);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(cache.get("h1")).isEqualTo(shop);
        now.addAndGet(1);
        assertThat(cache.get("h1")).isNull();
        assertThat(cache.get("unknown")).isNull();
    }

    @Test
    void forgetsARevokedKeyAndOnlyThatOne() {
        ApiKeyCache cache = listening(Duration.ofSeconds(30));
        cache.put("h1", shop, cache.generation());
        cache.put("h2", erp, cache.generation());
        cache.forget(shop.id());
        assertThat(cache.get("h1")).isNull();
        assertThat(cache.get("h2")).isEqualTo(erp);
    }

    @Test
    void doesNotKeepWhatWasReadBeforeARevocationCameIn() {
        ApiKeyCache cache = listening(Duration.ofSeconds(30));
        long seen = cache.generation(); // the lookup starts and reads the key as active ...
        cache.forget(shop.id());        // ... while its revocation commits and is announced
        cache.put("h1", shop, seen);
        assertThat(cache.get("h1")).isNull();
        cache.put("h1", shop, cache.generation());
        assertThat(cache.get("h1")).isEqualTo(shop);
    }

    @Test
    void keepsNothingWhileNotListening() {
        ApiKeyCache cache = listening(Duration.ofSeconds(30));
        cache.put("h1", shop, cache.generation());
        cache.listening(false); // the listening connection is lost: a revocation may pass unheard
        assertThat(cache.get("h1")).isNull();
        cache.put("h1", shop, cache.generation());
        assertThat(cache.get("h1")).isNull();
        cache.listening(true);
        assertThat(cache.get("h1")).isNull();
    }

    @Test
    void aTimeOfZeroKeepsNothing() {
        ApiKeyCache cache = listening(Duration.ZERO);
        cache.put("h1", shop, cache.generation());
        assertThat(cache.get("h1")).isNull();
    }
}
