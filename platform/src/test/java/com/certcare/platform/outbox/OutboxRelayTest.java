package com.certcare.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.certcare.testsupport.KafkaResource;
import com.certcare.testsupport.KafkaTopics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay against a real broker: per-aggregate order, an outage of the broker, a row it refuses for
 * good. The poll is configured to an hour here, so what publishes is the wake-up on commit, or the test's
 * own call of what the poll calls.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    MeterRegistry meters;

    private UUID publish(String topic, String key, Map<String, Object> data) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.publish(topic, key, "RelayTest", 1, data).id());
    }

    @Test
    void eachAggregatesEventsReachTheBrokerInTheOrderTheyWereWritten() {
        List<String> keys = List.of("order-a-" + UUID.randomUUID(), "order-b-" + UUID.randomUUID(),
                "order-c-" + UUID.randomUUID());
        int perKey = 15;
        for (int n = 0; n < perKey; n++) {
            for (String key : keys) {
                publish("relay-order", key, Map.of("n", n));
            }
        }
        // several events of one aggregate in one transaction keep their order too
        String together = "order-tx-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int n = 0; n < 5; n++) {
                outbox.publish("relay-order", together, "RelayTest", 1, Map.of("n", n));
            }
        });

        List<ConsumerRecord<String, String>> records = KafkaTopics.await("relay-order",
                r -> keys.contains(r.key()) || together.equals(r.key()), keys.size() * perKey + 5,
                Duration.ofSeconds(30));

        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(data(r).path("n").asInt());
        }
        for (String key : keys) {
            assertEquals(range(perKey), byKey.get(key), key);
        }
        assertEquals(range(5), byKey.get(together));
    }

    @Test
    void aBrokerOutageDelaysEventsAndLosesOrRepeatsNone() {
        String key = "outage-" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        KafkaResource.stopBroker();
        try {
            for (int n = 0; n < 10; n++) {
                ids.add(publish("relay-outage", key, Map.of("n", n)));
            }
            // the round the commits woke waits for acknowledgements that cannot come, and gives up
            KafkaTopics.eventually(Duration.ofSeconds(20), () -> {
                OutboxEvent first = row(ids.get(0));
                assertNull(first.sentAt);
                assertNotNull(first.lastError, "a round has tried and failed");
            });
            relay.poll(); // what the scheduler would do meanwhile: no copies pile up in the producer
        } finally {
            KafkaResource.startBroker();
        }
        KafkaTopics.eventually(Duration.ofSeconds(60), () -> {
            relay.poll();
            ids.forEach(id -> {
                OutboxEvent row = row(id);
                assertNotNull(row.sentAt, "sent after the broker came back: " + id);
                assertNull(row.parkedAt, "a broker outage never parks a row");
            });
        });

        List<ConsumerRecord<String, String>> records = readAll("relay-outage", key, ids.size());
        List<UUID> received = records.stream().map(r -> UUID.fromString(envelope(r).path("id").asText())).toList();
        assertEquals(ids, received, "every event once, in order");
    }

    @Test
    void aRowTheBrokerRefusesForGoodIsParkedAndTheRestFlowsOn() {
        String poisoned = "parked-" + UUID.randomUUID();
        String other = "parked-other-" + UUID.randomUUID();
        UUID big = publish("relay-parked", poisoned, Map.of("blob", "x".repeat(100_000))); // over max.request.size
        UUID afterIt = publish("relay-parked", other, Map.of("n", 1));

        KafkaTopics.eventually(Duration.ofSeconds(30), () -> {
            relay.poll(); // each round is one more attempt; after max-attempts (2 here) the row is parked
            OutboxEvent row = row(big);
            assertNotNull(row.parkedAt, "parked");
            assertNull(row.sentAt);
            assertEquals(2, row.attempts);
            assertTrue(row.lastError.contains("RecordTooLarge"), row.lastError);
            assertNotNull(row(afterIt).sentAt, "the rest flows on");
        });
        KafkaTopics.await("relay-parked", r -> other.equals(r.key()), 1, Duration.ofSeconds(10));

        UUID later = publish("relay-parked", other, Map.of("n", 2));
        KafkaTopics.await("relay-parked", r -> later.toString().equals(envelope(r).path("id").asText()), 1,
                Duration.ofSeconds(30));
        KafkaTopics.eventually(Duration.ofSeconds(10), () -> {
            relay.poll();
            assertTrue(meters.get("certcare.outbox.parked").gauge().value() >= 1, "the gauge counts parked rows");
        });
        assertEquals(2, row(big).attempts, "a parked row is not tried again");
    }

    /** The row as committed (the assertions run outside the transaction, so eventually() can retry them). */
    private static OutboxEvent row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent> findById(id));
    }

    private static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    private static JsonNode envelope(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode data(ConsumerRecord<String, String> r) {
        return envelope(r).path("data");
    }

    /** Every record of {@code key}: waits for {@code expected}, then 3 s more for any copy that would follow. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, String key, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            Instant quietUntil = null;
            while (Instant.now().isBefore(deadline) && (quietUntil == null || Instant.now().isBefore(quietUntil))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
                if (quietUntil == null && found.size() >= expected) {
                    quietUntil = Instant.now().plusSeconds(3);
                }
            }
        }
        return found;
    }
}
