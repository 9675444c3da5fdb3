package com.certcare.feedback.item;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.MARKET;
import static com.certcare.feedback.item.Feedback.SCHED;
import static com.certcare.feedback.item.Feedback.TECH;
import static com.certcare.feedback.item.Feedback.as;
import static com.certcare.feedback.item.Feedback.post;
import static com.certcare.feedback.item.Feedback.step;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.EventContracts;
import com.certcare.testsupport.KafkaTopics;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Marking an item a serious dissatisfaction or complaint event (重大不满意或投诉事件): any kind, by the market
 * department, once, with who/when/why in the item and its history; SeriousComplaintRecorded goes out once per item
 * whether the mark came by hand or from the automatic rule (a complaint or appeal triaged b or c), in either order.
 */
@QuarkusTest
class SeriousMarkingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;

    @Test
    void anyItemIsMarkedSeriousOnceWithWhoWhenAndWhy() throws Exception {
        long id = post(TECH, "OPINION").getLong("id");
        JsonPath marked = step(MARKET, id, "serious", Map.of("reason", "客户在年度座谈会上对审核安排表示强烈不满"));
        assertEquals("mei", marked.getString("serious.markedBy"));
        assertEquals("客户在年度座谈会上对审核安排表示强烈不满", marked.getString("serious.reason"));
        assertFalse(marked.getBoolean("serious.automatic"));
        assertTrue(marked.getString("serious.markedAt") != null);
        step("lan", id, "serious", Map.of("reason", "再次标记"), 409).body("code", equalTo("already-serious"))
                .contentType(startsWith("application/problem+json"));
        as(MARKET).get(ITEMS + "/" + id + "/history").then().statusCode(200)
                .body("items.find { it.field == 'seriousReason' }.changedBy", equalTo("mei"))
                .body("items.find { it.field == 'seriousAutomatic' }.newValue", equalTo("false"));
        String envelope = KafkaTopics.await("feedback", r -> String.valueOf(id).equals(r.key())
                && r.value().contains("\"SeriousComplaintRecorded\""), 1, Duration.ofSeconds(20)).get(0).value();
        EventContracts.check("schemas/events/SeriousComplaintRecorded.json", envelope);
        var data = JSON.readTree(envelope).path("data");
        assertEquals("OPINION", data.path("kind").asText());
        assertFalse(data.path("automatic").asBoolean(true));
        assertFalse(envelope.contains("强烈不满") || envelope.contains("\"tech\""), "no reason, no recorder: " + envelope);
        assertEquals(1, recorded(id));
    }

    @Test
    void aComplaintTriagedReasonableIsMarkedAutomaticallyAndNotAgainByHand() {
        long id = post(TECH, "COMPLAINT").getLong("id");
        JsonPath triaged = step(MARKET, id, "triage", Map.of("class", "C_BEYOND_AUTHORITY"));
        assertTrue(triaged.getBoolean("serious.automatic"));
        assertEquals("mei", triaged.getString("serious.markedBy"));
        step(MARKET, id, "serious", Map.of("reason", "重复标记"), 409).body("code", equalTo("already-serious"));
        assertEquals(1, recorded(id));
    }

    @Test
    void aComplaintMarkedByHandIsNotRecordedAgainWhenTriagedReasonable() {
        long id = post(TECH, "COMPLAINT").getLong("id");
        step(MARKET, id, "serious", Map.of("reason", "涉及审核员行为，性质严重"));
        JsonPath triaged = step(MARKET, id, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "complaints-group"));
        assertFalse(triaged.getBoolean("serious.automatic"), "the hand mark stays");
        assertEquals(1, recorded(id));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        long id = post(TECH, "OPINION").getLong("id");
        String path = ITEMS + "/" + id + "/serious";
        as(MARKET).contentType(ContentType.JSON).post(path).then().statusCode(400).body("errors.field", hasItem("body"));
        as(MARKET).contentType(ContentType.JSON).body("{}").post(path).then().statusCode(400)
                .body("errors.field", hasItem("version"));
        as(MARKET).contentType(ContentType.JSON).body(Map.of("version", Feedback.version(id))).post(path).then()
                .statusCode(400).body("errors.find { it.field == 'reason' }.message", equalTo("必填"));
        as(MARKET).header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of("reason", " ", "version",
                Feedback.version(id))).post(path).then().statusCode(400)
                .body("errors.find { it.field == 'reason' }.message", equalTo("Required"));
        as(MARKET).contentType(ContentType.JSON).body(Map.of("reason", "x", "version", "one")).post(path).then()
                .statusCode(400).body("errors.field", hasItem("version"));
        step(MARKET, id, "serious", Map.of("reason", "x", "version", Feedback.version(id) + 3), 409)
                .body("code", equalTo("stale"));
        as(MARKET).get(ITEMS + "/" + id).then().body("serious", org.hamcrest.Matchers.nullValue());
        assertEquals(0, recorded(id));
    }

    @Test
    void onlyTheMarketDepartmentMarksAndAnUnknownItemIs404() {
        long theirs = post(TECH, "OPINION").getLong("id");
        long mine = post(SCHED, "OPINION").getLong("id");
        for (long id : new long[] { theirs, mine }) {
            as(SCHED).contentType(ContentType.JSON).body(Map.of("reason", "越权", "version", 0))
                    .post(ITEMS + "/" + id + "/serious").then().statusCode(403);
        }
        as(Feedback.LEADER).contentType(ContentType.JSON).body(Map.of("reason", "x", "version", 0))
                .post(ITEMS + "/" + theirs + "/serious").then().statusCode(403);
        as(MARKET).contentType(ContentType.JSON).body(Map.of("reason", "x", "version", 0))
                .post(ITEMS + "/999999999/serious").then().statusCode(404).body("code", equalTo("not-found"));
        assertEquals(0, recorded(theirs) + recorded(mine));
    }

    private long recorded(long id) {
        try (var c = db.getConnection(); var s = c.prepareStatement(
                "select count(*) from outbox_event where aggregate_key = ? and type = 'SeriousComplaintRecorded'")) {
            s.setString(1, String.valueOf(id));
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
