package org.ordo.webhooks.internal;

import org.ordo.webhooks.PublicEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * With Kafka configured, every public event (and no module event) goes to the topic of its type, keyed by its
 * order id (the SKU for stock events), so a consumer reads an order's events in order from one partition. The
 * registry keeps each until Kafka took it: published once per event, again only after a crash before the send.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${ordo.kafka.bootstrap-servers:}'.isBlank()")
class KafkaTopics {

    @Bean
    EventExternalizationConfiguration publicEventsToKafka(@Value("${ordo.kafka.topic-prefix:ordo.}") String prefix) {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(PublicEvent.class)
                .route(PublicEvent.class, event -> RoutingTarget.forTarget(prefix + event.type())
                        .andKey(event.orderingKey()))
                .build();
    }
}
