package org.ordo.billing.internal;

import java.nio.file.Path;
import java.time.ZoneId;

import org.ordo.platform.TextBundle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BillingConfiguration {

    /** The texts of documents (messages/documents_*.properties), which the template folder may override. */
    @Bean
    TextBundle documentTexts(@Value("${ordo.billing.template-dir:${ordo.data-dir}/templates}") Path templateDir) {
        return new TextBundle("documents", templateDir, ZoneId.systemDefault());
    }
}
