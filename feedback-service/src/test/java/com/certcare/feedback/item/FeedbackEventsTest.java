package com.certcare.feedback.item;

import static com.certcare.feedback.item.Feedback.MARKET;
import static com.certcare.feedback.item.Feedback.SCHED;
import static com.certcare.feedback.item.Feedback.TECH;
import static com.certcare.feedback.item.Feedback.post;
import static com.certcare.feedback.item.Feedback.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.feedback.customer.CustomerCopyTest;
import com.certcare.testsupport.EventContracts;
import com.certcare.testsupport.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The events of the feedback topic: each written with its change, published on the real broker keyed by the item id,
 * valid against its schema, and never naming who recorded the item. A COMPLAINT or APPEAL triaged b or c is a
 * SeriousComplaintRecorded; a client-system change is a ClientSystemChangeReported with the customer.
 */
@QuarkusTest
class FeedbackEventsTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    DataSource db;

    private static List<String> published(long id, String type, int count) {
        return KafkaTopics.await("feedback", r -> String.valueOf(id).equals(r.key()) && r.value().contains("\"" + type + "\""),
                count, WAIT).stream().map(r -> r.value()).toList();
    }

    @Test
    void aComplaintFoundReasonableIsASeriousComplaintAndEveryStepIsPublished() {
        long id = post(TECH, "COMPLAINT").getLong("id");
        step(MARKET, id, "triage", Map.of("class", "C_BEYOND_AUTHORITY"));
        step(Feedback.LEADER, id, "decide", Map.of("decision", "更换审核组并复审", "department", "audit-scheduling"));
        step(SCHED, id, "resolve", Map.of("resolution", "已复审"));
        for (String type : List.of("FeedbackReceived", "FeedbackTriaged", "FeedbackEscalated", "SeriousComplaintRecorded",
                "FeedbackResolved")) {
            String envelope = published(id, type, 1).get(0);
            EventContracts.check("schemas/events/" + type + ".json", envelope);
            assertFalse(envelope.contains("\"tech\"") || envelope.contains("recordedBy"), "no recorder in " + envelope);
        }
    }

    @Test
    void aComplaintFoundUnreasonableIsNoSeriousComplaint() {
        long id = post(TECH, "COMPLAINT").getLong("id");
        step(MARKET, id, "triage", Map.of("class", "A_UNREASONABLE", "explanation", "所投诉事项不属于认证范围"));
        published(id, "FeedbackTriaged", 1);
        assertEquals(0, countInOutbox(id, "SeriousComplaintRecorded"));
    }

    @Test
    void aClientSystemChangeIsReportedWithTheCustomer() throws Exception {
        long customer = CustomerCopyTest.registeredCustomer("体系变更电子有限公司");
        Map<String, Object> body = Feedback.body("CLIENT_SYSTEM_CHANGE", "组织机构调整，质量手册换版");
        body.remove("prospectName");
        body.put("customerId", customer);
        long id = Feedback.as(TECH).contentType(ContentType.JSON).body(body).post(Feedback.ITEMS).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String envelope = published(id, "ClientSystemChangeReported", 1).get(0);
        EventContracts.check("contracts/ClientSystemChangeReported.json", envelope);
        assertEquals(customer, new com.fasterxml.jackson.databind.ObjectMapper().readTree(envelope).path("data").path("customerId").asLong(), envelope);
    }

    /** Every envelope in this module's outbox (of every test so far) against its schema. */
    @Test
    void everyEnvelopeInTheOutboxMatchesItsSchema() throws Exception {
        long a = post(TECH, "OPINION").getLong("id");
        step(MARKET, a, "triage", Map.of("class", "A_UNREASONABLE"));
        step(MARKET, a, "close", Map.of("explanation", "已解释"));
        long c = post(TECH, "APPEAL").getLong("id");
        step(MARKET, c, "triage", Map.of("class", "C_BEYOND_AUTHORITY"));
        Map<String, Integer> checked = EventContracts.checkOutbox(db, "schemas/events", "contracts");
        for (String type : List.of("FeedbackReceived", "FeedbackTriaged", "FeedbackEscalated", "FeedbackResolved",
                "SeriousComplaintRecorded")) {
            assertTrue(checked.getOrDefault(type, 0) > 0, type + " checked: " + checked);
        }
    }

    private long countInOutbox(long id, String type) {
        try (var c = db.getConnection(); var s = c.prepareStatement(
                "select count(*) from outbox_event where aggregate_key = ? and type = ?")) {
            s.setString(1, String.valueOf(id));
            s.setString(2, type);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
