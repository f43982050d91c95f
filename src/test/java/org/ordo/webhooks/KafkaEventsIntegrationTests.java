package org.ordo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * With Kafka configured (here the embedded broker of spring-kafka-test), the public events go to one topic per
 * type, keyed by the order id, in the webhooks' schema, once per event. Its own application and database, because
 * the shared test application runs without Kafka (WebhooksIntegrationTests checks it has no Kafka client).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ordo.data-dir=target/it-kafka-data",
        "ordo.db.embedded-clean=true",
        "ordo.demo-data=false",
        "ordo.bootstrap-api-key=" + Api.ADMIN_KEY,
        "logging.level.org.ordo.platform.web=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.kafka=WARN",
        "logging.level.state.change.logger=WARN"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "ordo.kafka.bootstrap-servers",
        topics = {"ordo.order.placed", "ordo.order.cancelled"})
class KafkaEventsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void consumersSeeEveryPublicEventOnceKeyedByOrderInTheWebhookSchema() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "0.19");
        fixtures.receive(sku, location, 5);
        String orderId = expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201).json().get("id").asString();
        expect(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "changed my mind")), 200);

        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "it-" + UUID.randomUUID(), false);
        try (Consumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("ordo.order.placed", "ordo.order.cancelled"));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return ofOrder(seen, orderId).size() >= 2;
            });
            // anything sent twice would have arrived by now
            consumer.poll(Duration.ofSeconds(3)).forEach(seen::add);

            List<ConsumerRecord<String, String>> records = ofOrder(seen, orderId);
            assertThat(records).extracting(ConsumerRecord::topic)
                    .containsExactlyInAnyOrder("ordo.order.placed", "ordo.order.cancelled");
            assertThat(records).extracting(ConsumerRecord::key).containsOnly(orderId);
            for (ConsumerRecord<String, String> record : records) {
                JsonNode event = Api.JSON.readTree(record.value());
                assertThat(event.get("type").asString()).isEqualTo(record.topic().substring("ordo.".length()));
                assertThat(event.get("version").asInt()).isEqualTo(1);
                assertThat(event.get("id").asString()).isNotBlank();
                assertThat(event.get("timestamp").asString()).endsWith("Z");
            }
            JsonNode placed = Api.JSON.readTree(records.stream().filter(r -> r.topic().equals("ordo.order.placed"))
                    .findFirst().orElseThrow().value()).get("data");
            assertThat(placed.get("total").get("amount").asString()).isEqualTo("20.04");
            assertThat(placed.get("lines").get(0).get("sku").asString()).isEqualTo(sku);
        }
    }

    private static List<ConsumerRecord<String, String>> ofOrder(List<ConsumerRecord<String, String>> records,
            String orderId) {
        return records.stream().filter(r -> Api.JSON.readTree(r.value()).get("data").path("orderId").asString("")
                .equals(orderId)).toList();
    }
}
