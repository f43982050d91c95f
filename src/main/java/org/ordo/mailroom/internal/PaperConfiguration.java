package org.ordo.mailroom.internal;

import org.ordo.mailroom.PaperScans;
import org.ordo.platform.BodySizeLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaperConfiguration {

    /** A scan is larger than any JSON request; larger than this it is refused with 413 before being read. */
    @Bean
    BodySizeLimit paperScanSizeLimit() {
        return new BodySizeLimit("POST", "/api/v1/paper", PaperScans.MAX_BYTES);
    }
}
