package com.certcare.feedback.item;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.LEADER;
import static com.certcare.feedback.item.Feedback.MARKET;
import static com.certcare.feedback.item.Feedback.TECH;
import static com.certcare.feedback.item.Feedback.as;
import static com.certcare.feedback.item.Feedback.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.certcare.feedback.TestClock;
import com.certcare.testsupport.EventContracts;
import com.certcare.testsupport.KafkaTopics;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The scheduler's job (off in the test profile; called here directly) with the app's clock moved forward, never
 * sleeping: an item past its due times is escalated once per due time — recorded on the item and in its history as
 * the system user, a FeedbackEscalated with the reason on the real broker, listed for the leader — and a second run,
 * or two instances running at once, escalate nothing twice.
 */
@QuarkusTest
class OverdueEscalationTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OverdueEscalation job;
    @Inject
    TestClock clock;
    @Inject
    DataSource db;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    /** Runs the job until nothing is left to escalate (items of earlier tests included); how many it escalated. */
    private int drain() {
        int total = 0;
        for (int run = 0; run < 1000; run++) {
            int n = job.escalateOverdue();
            if (n == 0) {
                return total;
            }
            total += n;
        }
        throw new AssertionError("still escalating after 1000 runs");
    }

    private static JsonPath item(long id) {
        return as(MARKET).get(ITEMS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void escalatesOverdueItemToLeaderOncePerDueTime() throws Exception {
        drain();
        long id = post(TECH, "AFTER_SALES").getLong("id");
        drain();
        assertNull(item(id).getString("acknowledgeEscalatedAt"), "not overdue yet");
        assertFalse(item(id).getBoolean("overdueEscalated"));

        clock.advance(Duration.ofDays(3)); // past acknowledgement and first response (1 working day), not resolution (10)
        assertTrue(drain() >= 1);
        JsonPath escalated = item(id);
        assertNotNull(escalated.getString("acknowledgeEscalatedAt"));
        assertNotNull(escalated.getString("firstResponseEscalatedAt"));
        assertNull(escalated.getString("resolutionEscalatedAt"));
        assertTrue(escalated.getBoolean("overdueEscalated"));
        assertEquals("RECEIVED", escalated.getString("status"), "the status stays; the leader is told");
        var events = KafkaTopics.await("feedback", r -> String.valueOf(id).equals(r.key())
                && r.value().contains("\"FeedbackEscalated\""), 2, WAIT);
        List<String> reasons = new ArrayList<>();
        for (var r : events) {
            EventContracts.check("schemas/events/FeedbackEscalated.json", r.value());
            var data = JSON.readTree(r.value()).path("data");
            reasons.add(data.path("reason").asText());
            assertFalse(data.path("dueAt").isNull(), r.value());
        }
        assertEquals(List.of("OVERDUE_ACKNOWLEDGEMENT", "OVERDUE_FIRST_RESPONSE"), reasons.stream().sorted().toList());
        as(LEADER).queryParam("escalated", true).queryParam("size", 200).queryParam("sort", "receivedAt,desc")
                .get(ITEMS).then().statusCode(200).body("items.id", hasItem((int) id));
        as(LEADER).get(ITEMS + "/counts").then().statusCode(200).body("overdueEscalated", greaterThan(0));
        as(MARKET).get(ITEMS + "/" + id + "/history").then().statusCode(200)
                .body("items.find { it.field == 'acknowledgeEscalatedAt' }.changedBy", equalTo("system"))
                .body("items.find { it.field == 'firstResponseEscalatedAt' }.reason",
                        equalTo("OVERDUE_ACKNOWLEDGEMENT, OVERDUE_FIRST_RESPONSE"));

        int version = Feedback.version(id);
        assertEquals(0, drain(), "a second run escalates nothing");
        assertEquals(version, Feedback.version(id));
        assertEquals(2, escalations(id));

        clock.advance(Duration.ofDays(20)); // now past the resolution too: that due time, once
        drain();
        assertNotNull(item(id).getString("resolutionEscalatedAt"));
        assertEquals(3, escalations(id));
        assertEquals(0, drain());
        assertEquals(3, escalations(id));
    }

    @Test
    void aResolvedItemIsNotEscalatedAndLeavesTheLeadersList() {
        drain();
        long id = post(TECH, "AUDIT_REQUEST").getLong("id");
        Feedback.step(MARKET, id, "triage", java.util.Map.of("class", "B_WITHIN_AUTHORITY", "department", "technical-committee"));
        Feedback.step(TECH, id, "resolve", java.util.Map.of("resolution", "已按时处理"));
        clock.advance(Duration.ofDays(30));
        drain();
        assertEquals(0, escalations(id));
        as(LEADER).queryParam("escalated", true).queryParam("size", 200).get(ITEMS).then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
    }

    @Test
    void twoInstancesRunningAtOnceEscalateEachDueTimeOnce() throws Exception {
        drain();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(post(TECH, "OPINION").getLong("id"));
        }
        clock.advance(Duration.ofDays(3));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> instance = this::drain;
            List<Future<Integer>> runs = pool.invokeAll(List.of(instance, instance));
            int total = runs.get(0).get() + runs.get(1).get();
            assertTrue(total >= ids.size(), "escalated " + total);
        } finally {
            pool.shutdownNow();
        }
        for (long id : ids) {
            assertEquals(2, escalations(id), "item " + id + ": acknowledgement and first response, once each");
        }
    }

    private long escalations(long id) {
        try (var c = db.getConnection(); var s = c.prepareStatement(
                "select count(*) from outbox_event where aggregate_key = ? and type = 'FeedbackEscalated'")) {
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
