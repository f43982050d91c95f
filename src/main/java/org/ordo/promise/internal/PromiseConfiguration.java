package org.ordo.promise.internal;

import org.ordo.platform.BodySizeLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PromiseConfiguration {

    /** The promise's date arithmetic, with the public holidays it keeps once computed per country and year. */
    @Bean
    Schedule promiseSchedule() {
        return new Schedule(new PublicHolidays());
    }

    /** A checkout's lines (at most 100) fit in far less; a promise query is read on every product page. */
    @Bean
    BodySizeLimit promiseQuerySizeLimit() {
        return new BodySizeLimit("POST", "/api/v1/promise", 64 * 1024);
    }
}
