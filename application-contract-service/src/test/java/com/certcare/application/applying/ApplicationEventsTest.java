package com.certcare.application.applying;

import static com.certcare.application.applying.Applicants.PUBLIC;
import static com.certcare.application.applying.Applicants.SECRET;
import static com.certcare.application.applying.Applicants.STAFF;
import static com.certcare.application.applying.Applicants.fullReview;
import static com.certcare.application.applying.Applicants.transition;
import static com.certcare.application.applying.Applicants.version;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.certcare.testsupport.EventContracts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Every event on topic {@code applications} matches its JSON Schema in {@code schemas/events/} (this test makes each
 * type happen, then checks every application envelope in the outbox, the other tests' too), and reaches the broker
 * keyed by the reference. Staff paths without a token are 401.
 */
@QuarkusTest
class ApplicationEventsTest {

    @Inject
    AgroalDataSource db;

    @Test
    @TestSecurity(user = "mei", roles = "market")
    void everyApplicationEventMatchesItsSchemaAndReachesTheBrokerKeyedByReference() {
        Map<String, String> accepted = Applicants.submitted("事件受理有限公司");
        long a = Applicants.idOf(db, accepted.get("reference"));
        transition(a, "start-review", Map.of()).statusCode(200);
        given().contentType(ContentType.JSON).body(fullReview(version(a))).when().put(STAFF + "/" + a + "/review").then().statusCode(200);
        transition(a, "accept", Map.of("reasons", "同意")).statusCode(200);
        long r = Applicants.idOf(db, Applicants.submitted("事件拒绝有限公司").get("reference"));
        transition(r, "start-review", Map.of()).statusCode(200);
        transition(r, "reject", Map.of("reasons", "不在认可范围")).statusCode(200);
        Map<String, String> withdrawn = Applicants.submitted("事件撤回有限公司");
        given().contentType(ContentType.JSON).header(SECRET, withdrawn.get("secret")).body(Map.of())
                .when().post(PUBLIC + "/" + withdrawn.get("reference") + "/withdraw").then().statusCode(200);

        Map<String, Integer> checked = new TreeMap<>();
        List<String> rows = Applicants.query(db, "select type || '|' || envelope::text from outbox_event where topic = 'applications'");
        for (String row : rows) {
            String type = row.substring(0, row.indexOf('|'));
            EventContracts.check("schemas/events/" + type + ".json", row.substring(row.indexOf('|') + 1));
            checked.merge(type, 1, Integer::sum);
        }
        for (String type : List.of("ApplicationSubmitted", "ApplicationAccepted", "ApplicationRejected", "ApplicationWithdrawn")) {
            assertTrue(checked.getOrDefault(type, 0) > 0, type + " checked: " + checked);
        }
        // the schemas' own examples are valid too
        for (String type : checked.keySet()) {
            EventContracts.check("schemas/events/" + type + ".json", EventContracts.example("schemas/events/" + type + ".json"));
        }

        ConsumerRecord<String, String> acceptedRecord = awaitRecord(accepted.get("reference"), "ApplicationAccepted");
        assertTrue(acceptedRecord.value().contains("事件受理有限公司"));
        assertEquals(accepted.get("reference"), acceptedRecord.key());
    }

    private static ConsumerRecord<String, String> awaitRecord(String key, String type) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "application-events-test-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of("applications"));
            long until = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key()) && r.value().contains("\"" + type + "\"")) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " keyed " + key + " on topic applications within 30 s");
    }

    @Test
    void staffPathsWithoutATokenAre401AndThePublicOnesOpen() {
        given().when().get(STAFF).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("version", 0)).when().post(STAFF + "/1/accept").then().statusCode(401);
        given().when().get(PUBLIC + "/form").then().statusCode(200);
    }
}
