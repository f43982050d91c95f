package org.ordo.webhooks.internal;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps Kafka out unless ORDO_KAFKA_BOOTSTRAP_SERVERS is set: Spring Boot's Kafka auto-configuration and Spring
 * Modulith's Kafka externalization are on the class path always, and would make a producer and its template
 * (which try to reach localhost:9092 when first used). Without the setting none of their beans exist, so an Ordo
 * without Kafka starts and runs exactly as before. Registered in META-INF/spring.factories.
 */
public class KafkaWhenConfigured implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String SETTING = "ordo.kafka.bootstrap-servers";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean configured = configured(environment);
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String type = autoConfigurationClasses[i];
            match[i] = configured || type == null || !(type.startsWith("org.springframework.boot.kafka.")
                    || type.startsWith("org.springframework.modulith.events.kafka."));
        }
        return match;
    }

    static boolean configured(Environment environment) {
        String servers = environment == null ? null : environment.getProperty(SETTING);
        return servers != null && !servers.isBlank();
    }
}
