package org.ordo.intake.internal;

import org.ordo.platform.BodySizeLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class FileImportConfiguration {

    /**
     * Order, article and stock files are larger than any JSON request: 100,000 order lines are about 5 MB as CSV.
     * Bigger files are refused with 413 before being read; the back office's upload takes the same size.
     */
    @Bean
    BodySizeLimit orderFileSizeLimit(@Value("${ordo.imports.max-file-size:32MB}") DataSize max) {
        return new BodySizeLimit("POST", "/api/v1/imports/orders", max.toBytes());
    }

    @Bean
    BodySizeLimit articleFileSizeLimit(@Value("${ordo.imports.max-file-size:32MB}") DataSize max) {
        return new BodySizeLimit("POST", "/api/v1/imports/articles", max.toBytes());
    }

    @Bean
    BodySizeLimit stockFileSizeLimit(@Value("${ordo.imports.max-file-size:32MB}") DataSize max) {
        return new BodySizeLimit("POST", "/api/v1/imports/stock", max.toBytes());
    }

    @Bean
    BodySizeLimit importUploadSizeLimit(@Value("${ordo.imports.max-file-size:32MB}") DataSize max) {
        // the multipart form adds its boundaries and headers to the file
        return new BodySizeLimit("POST", "/imports", max.toBytes() + 64 * 1024);
    }
}
