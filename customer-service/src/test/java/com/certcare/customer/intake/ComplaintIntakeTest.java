package com.certcare.customer.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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

/**
 * SeriousComplaintRecorded through the real broker lowers the customer's grade, once per feedback item; what cannot be
 * applied is dead-lettered. Rules as shipped (see GradingTest): 10 per serious complaint within 12 months.
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class ComplaintIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    static final String TOPIC = "feedback";
    static final String DLQ = "feedback.dlq.customer-service";
    /** feedback-service's schema of the event (copied to the test classpath by the pom). */
    static final String SCHEMA = "producer-schemas/SeriousComplaintRecorded.json";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    /** A SeriousComplaintRecorded envelope as feedback-service writes it, checked against its schema. */
    static String recorded(UUID eventId, String itemId, String reference, Long customerId, Instant recordedAt) throws Exception {
        ObjectNode data = JSON.createObjectNode().put("itemId", itemId).put("reference", reference).put("kind", "COMPLAINT")
                .put("class", "B_WITHIN_AUTHORITY").put("customerName", "浙江中澜科技有限公司")
                .put("receivedAt", recordedAt.minus(2, ChronoUnit.DAYS).toString())
                .put("recordedAt", recordedAt.toString()).put("automatic", true);
        if (customerId == null) {
            data.putNull("customerId");
        } else {
            data.put("customerId", customerId);
        }
        ObjectNode envelope = JSON.createObjectNode().put("id", eventId.toString()).put("type", "SeriousComplaintRecorded")
                .put("source", "feedback-service").put("time", recordedAt.toString()).put("subject", itemId)
                .put("schemaVersion", 1);
        envelope.set("data", data);
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

    private static long gradedCustomer() {
        long id = given().contentType(ContentType.JSON).body(TestData.customer("投诉客户" + TestData.tag()))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        // 5, 4, 4, 3 = 81.0, one minor −2 → 79.0 → B
        given().contentType(ContentType.JSON).body(Map.of("auditedOn", TODAY.minusDays(20).toString(),
                "auditType", "SURVEILLANCE", "managementCommitment", 5, "documentation", 4, "implementation", 4,
                "correctiveAction", 3, "majorNonconformities", 0, "minorNonconformities", 1))
                .when().post("/api/customers/" + id + "/onsite-feedback").then().statusCode(201);
        given().when().get("/api/customers/" + id + "/grade").then().body("grade", equalTo("B"));
        return id;
    }

    @Test
    void aSeriousComplaintLowersTheGradeAndARedeliveryCountsOnce() throws Exception {
        long id = gradedCustomer();
        String item = itemId();
        String reference = reference();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String event = recorded(UUID.randomUUID(), item, reference, id, now);
        KafkaTopics.send(TOPIC, item, event);
        KafkaTopics.send(TOPIC, item, event); // redelivery
        KafkaTopics.send(TOPIC, item, recorded(UUID.randomUUID(), item, reference, id, now)); // the item announced again
        // 79.0 − 10 → 69.0 → C
        KafkaTopics.eventually(WAIT, () -> given().when().get("/api/customers/" + id + "/grade").then()
                .body("grade", equalTo("C")));

        // a second item, after the three on the same partition: two complaints count, not four — 79 − 20 = 59.0 → C
        String later = itemId();
        KafkaTopics.send(TOPIC, later, recorded(UUID.randomUUID(), later, reference(), id, now));
        KafkaTopics.eventually(WAIT, () -> given().when().get("/api/customers/" + id + "/grade").then()
                .body("inputs.seriousComplaints.size()", is(2)));
        var g = given().when().get("/api/customers/" + id + "/grade").then().extract().jsonPath();
        assertEquals(59.0, g.getDouble("score"), 0.001);
        assertEquals("C", g.getString("grade"));
        assertEquals(reference, g.getString("inputs.seriousComplaints.find { it.feedbackItemId == '" + item + "' }.reference"));
        assertEquals("B", g.getString("history[0].from"));
        assertEquals("C", g.getString("history[0].to"));
        assertEquals("feedback:" + reference, g.getString("history[0].by"));
        given().queryParam("grade", "C").queryParam("q", given().when().get("/api/customers/" + id).then().extract()
                .<String> path("creditCode")).when().get("/api/customers").then().body("total", is(1));
    }

    @Test
    void aComplaintOlderThanTheConfiguredMonthsIsStoredButNotDeducted() throws Exception {
        long id = gradedCustomer();
        String item = itemId();
        KafkaTopics.send(TOPIC, item, recorded(UUID.randomUUID(), item, reference(), id,
                Instant.now().minus(400, ChronoUnit.DAYS)));
        String fresh = itemId();
        KafkaTopics.send(TOPIC, fresh, recorded(UUID.randomUUID(), fresh, reference(), id, Instant.now()));
        KafkaTopics.eventually(WAIT, () -> given().when().get("/api/customers/" + id + "/grade").then()
                .body("inputs.seriousComplaints.size()", is(1))
                .body("inputs.seriousComplaints[0].feedbackItemId", equalTo(fresh)));
    }

    @Test
    void anUnknownCustomerOrAnotherVersionGoesToTheDeadLetterTopicAndNoCustomerIsSkipped() throws Exception {
        String tag = TestData.tag();
        String nobody = itemId();
        KafkaTopics.send(TOPIC, "nobody-" + tag, recorded(UUID.randomUUID(), nobody, reference(), null, Instant.now()));
        String unknown = itemId();
        String reference = reference();
        KafkaTopics.send(TOPIC, "unknown-" + tag, recorded(UUID.randomUUID(), unknown, reference, 987_654_323L, Instant.now()));
        String v2 = itemId();
        KafkaTopics.send(TOPIC, "v2-" + tag, recorded(UUID.randomUUID(), v2, reference(), 987_654_324L, Instant.now())
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2"));

        List<ConsumerRecord<String, String>> dead = KafkaTopics.await(DLQ, r -> r.key() != null && r.key().endsWith(tag),
                2, WAIT);
        assertEquals("unknown-" + tag, dead.get(0).key()); // the one without a customer was skipped, not dead-lettered
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("customer 987654323") && reason.contains(reference), reason);
        String reason2 = new String(dead.get(1).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason2.contains("schemaVersion 2"), reason2);
    }
}
