package com.certcare.customer.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;
import com.certcare.testsupport.EventContracts;
import com.certcare.testsupport.KafkaTopics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** ClientSystemChangeReported through the real broker: flags the customer, once; what cannot be applied is dead-lettered. */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class SystemChangeIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    static final String TOPIC = "feedback";
    static final String DLQ = "feedback.dlq.customer-service";

    /** The contract in the platform, shared with feedback-service (the producer), with an example. */
    static final String SCHEMA = "contracts/ClientSystemChangeReported.json";

    /**
     * A ClientSystemChangeReported envelope built from the example in the schema, with this test's ids, checked against
     * the schema: the consumer is tested with what the producer's contract allows.
     */
    static String reported(UUID eventId, String itemId, String reference, long customerId) throws Exception {
        ObjectNode envelope = (ObjectNode) JSON.readTree(EventContracts.example(SCHEMA));
        envelope.put("id", eventId.toString()).put("subject", itemId);
        ((ObjectNode) envelope.get("data")).put("itemId", itemId).put("reference", reference).put("customerId", customerId);
        String message = JSON.writeValueAsString(envelope);
        EventContracts.check(SCHEMA, message);
        return message;
    }

    static String itemId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2));
    }

    static String reference() {
        return "FK-2026-" + TestData.tag();
    }

    private static long customer(String name) {
        return given().contentType(ContentType.JSON).body(TestData.customer(name + TestData.tag()))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String reason(ConsumerRecord<String, String> dead) {
        return new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    @Test
    void aReportedChangeFlagsTheCustomerInTheViewTheListAndTheHistory() throws Exception {
        long id = customer("体系变更客户");
        String creditCode = given().when().get("/api/customers/" + id).then().extract().path("creditCode");
        String item = itemId();
        String reference = reference();
        KafkaTopics.send(TOPIC, item, reported(UUID.randomUUID(), item, reference, id));

        KafkaTopics.eventually(WAIT, () -> given().when().get("/api/customers/" + id).then()
                .body("openSystemChanges.size()", is(1)));
        given().when().get("/api/customers/" + id).then()
                .body("openSystemChanges[0].reference", equalTo(reference))
                .body("openSystemChanges[0].feedbackItemId", equalTo(item))
                .body("openSystemChanges[0].customerId", is((int) id))
                .body("openSystemChanges[0].reportedAt", equalTo("2026-03-16T02:14:58Z"))
                // made of what the event carries only: the reference, the time (Asia/Shanghai), who reported
                .body("openSystemChanges[0].summary", equalTo("客户报告管理体系变更（" + reference
                        + "，2026-03-16 10:14 收到，报告方：浙江中澜科技有限公司）；须评价其对认证的影响"))
                .body("openSystemChanges[0].acknowledgedAt", equalTo(null));

        // the list shows it, and its filter finds the customer among those with an open change, not among the others
        given().queryParam("q", creditCode).queryParam("systemChangeOpen", "true").when().get("/api/customers").then()
                .statusCode(200).body("total", is(1)).body("items[0].openSystemChanges[0].reference", equalTo(reference));
        given().queryParam("q", creditCode).queryParam("systemChangeOpen", "false").when().get("/api/customers").then()
                .statusCode(200).body("total", is(0));
        given().when().get("/api/customers/" + id + "/history").then()
                .body("items.find { it.entity == 'systemChange' && it.field == 'reference' }.newValue", equalTo(reference))
                .body("items.find { it.entity == 'systemChange' && it.field == 'reference' }.changedBy",
                        equalTo("feedback:" + reference))
                .body("items.find { it.entity == 'systemChange' && it.field == 'reference' }.reason",
                        equalTo("ClientSystemChangeReported " + reference));
    }

    @Test
    void theSameEventTwiceOrAnotherEventOfTheSameItemFlagsOnce() throws Exception {
        long id = customer("重复事件客户");
        String item = itemId();
        String reference = reference();
        String event = reported(UUID.randomUUID(), item, reference, id);
        KafkaTopics.send(TOPIC, item, event);
        KafkaTopics.send(TOPIC, item, event); // redelivery
        KafkaTopics.send(TOPIC, item, reported(UUID.randomUUID(), item, reference, id)); // the item announced again

        // a later change of the same customer, on the same partition, proves the three before it were consumed
        String later = itemId();
        KafkaTopics.send(TOPIC, later, reported(UUID.randomUUID(), later, reference(), id));
        KafkaTopics.eventually(WAIT, () -> given().when().get("/api/customers/" + id).then()
                .body("openSystemChanges.size()", is(2)));
        given().when().get("/api/customers/" + id).then()
                .body("openSystemChanges.findAll { it.feedbackItemId == '" + item + "' }.size()", is(1));
        given().when().get("/api/customers/" + id + "/system-changes").then().statusCode(200).body("size()", is(2));
    }

    @Test
    void anUnknownCustomerGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String item = itemId();
        String reference = reference();
        KafkaTopics.send(TOPIC, item, reported(UUID.randomUUID(), item, reference, 987_654_321L));

        var dead = KafkaTopics.await(DLQ, r -> item.equals(r.key()), 1, WAIT);
        String reason = reason(dead.get(0));
        assertTrue(reason.contains("customer 987654321") && reason.contains("does not hold"), reason);
        assertTrue(reason.contains(reference), reason);
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicWithTheReasonAndChangesNothing() throws Exception {
        long id = customer("坏事件客户");
        String tag = TestData.tag();
        KafkaTopics.send(TOPIC, "garbage-" + tag, "{not json");
        String noReference = itemId();
        KafkaTopics.send(TOPIC, "no-reference-" + tag, reported(UUID.randomUUID(), noReference, reference(), id)
                .replaceFirst("\"reference\":\"[^\"]*\",", ""));
        String v2 = itemId();
        KafkaTopics.send(TOPIC, "v2-" + tag, reported(UUID.randomUUID(), v2, reference(), id)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2"));

        List<ConsumerRecord<String, String>> dead = KafkaTopics.await(DLQ, r -> r.key() != null && r.key().endsWith(tag),
                3, WAIT);
        assertEquals("{not json", dead.get(0).value());
        assertTrue(reason(dead.get(1)).contains("has no reference"), reason(dead.get(1)));
        assertTrue(reason(dead.get(2)).contains("schemaVersion 2"), reason(dead.get(2)));
        given().when().get("/api/customers/" + id).then().body("openSystemChanges.size()", is(0));
    }

    @Test
    void theTopicsOtherTypesAreSkippedWithoutError() throws Exception {
        long id = customer("其他类型客户");
        String tag = TestData.tag();
        // another type, with data this consumer could not read: skipped, not dead-lettered
        KafkaTopics.send(TOPIC, "received-" + tag, "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"FeedbackReceived\","
                + "\"source\":\"feedback-service\",\"schemaVersion\":1,\"data\":{\"customerId\":\"x\"}}");
        String item = itemId();
        KafkaTopics.send(TOPIC, "after-" + tag, reported(UUID.randomUUID(), item, reference(), 987_654_322L));

        // one partition: had the FeedbackReceived been dead-lettered, it would be there before the unknown customer's
        var dead = KafkaTopics.await(DLQ, r -> r.key() != null && r.key().endsWith(tag), 1, WAIT);
        assertEquals("after-" + tag, dead.get(0).key());
        given().when().get("/api/customers/" + id).then().body("openSystemChanges.size()", is(0));
    }
}
