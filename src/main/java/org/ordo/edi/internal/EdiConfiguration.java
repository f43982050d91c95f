package org.ordo.edi.internal;

import org.ordo.platform.BodySizeLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class EdiConfiguration {

    /**
     * Interchanges are larger than any JSON request: a retail chain's nightly interchange holds thousands of orders
     * (10,000 ORDERS messages of three lines are about 3 MB). Bigger ones are refused with 413 before being read.
     */
    @Bean
    BodySizeLimit interchangeSizeLimit(@Value("${ordo.edi.max-interchange-size:32MB}") DataSize max) {
        return new BodySizeLimit("POST", "/api/v1/edi/interchanges", max.toBytes());
    }
}
