package org.ordo.digital.internal;

import org.ordo.platform.BodySizeLimit;
import org.ordo.platform.OrdoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DigitalConfiguration {

    /**
     * The file of a digital article (a PDF, an e-book, a zip of them) is far larger than a JSON request: up to
     * {@code ordo.digital.max-file-size}. Larger is refused with 413 before it is read.
     */
    @Bean
    BodySizeLimit digitalAssetSizeLimit(OrdoProperties properties) {
        return new BodySizeLimit("PUT", "/api/v1/digital/assets/{sku}", properties.digital().maxFileSize().toBytes());
    }
}
