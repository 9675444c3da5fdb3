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
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.certcare.platform.time.ClockProducer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The formal notification of the outcome (17021-1 9.8, ISO 10002): recorded once, after the item is resolved or
 * explained as class a, with channel, day and summary in the item and its history; a complaint or appeal closes only
 * with it, other kinds without.
 */
@QuarkusTest
class OutcomeNotificationTest {

    static String today() {
        return LocalDate.now(ClockProducer.ZONE).toString();
    }

    static Map<String, Object> outcome(String channel) {
        Map<String, Object> b = new HashMap<>();
        b.put("channel", channel);
        b.put("notifiedOn", today());
        b.put("summary", "已书面告知投诉人调查结论：审核员行为不当属实，已更换审核组并复审。");
        return b;
    }

    @Test
    void aComplaintClosesOnlyOnceItsOutcomeIsNotified() {
        long id = post(TECH, "COMPLAINT").getLong("id");
        step(MARKET, id, "notify-outcome", outcome("LETTER"), 409).body("code", equalTo("outcome-not-due"));
        step(MARKET, id, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "technical-committee"));
        step(TECH, id, "resolve", Map.of("resolution", "已更换审核组并安排复审"));
        step(MARKET, id, "close", Map.of(), 409).body("code", equalTo("outcome-not-notified"));
        as(MARKET).get(ITEMS + "/" + id).then().body("status", equalTo("RESOLVED")).body("outcome", nullValue());

        JsonPath notified = step(MARKET, id, "notify-outcome", outcome("LETTER"));
        assertEquals("LETTER", notified.getString("outcome.channel"));
        assertEquals(today(), notified.getString("outcome.notifiedOn"));
        assertEquals("mei", notified.getString("outcome.recordedBy"));
        assertEquals("RESOLVED", notified.getString("status"));
        step(MARKET, id, "notify-outcome", outcome("PHONE"), 409).body("code", equalTo("outcome-already-notified"));
        as(MARKET).get(ITEMS + "/" + id + "/history").then().statusCode(200)
                .body("items.find { it.field == 'outcomeChannel' }.newValue", equalTo("LETTER"))
                .body("items.find { it.field == 'outcomeNotifiedOn' }.changedBy", equalTo("mei"));
        assertEquals("CLOSED", step(MARKET, id, "close", Map.of()).getString("status"));
    }

    @Test
    void aClassAAppealIsNotifiedOnceExplainedThenCloses() {
        long id = post(TECH, "APPEAL").getLong("id");
        step(MARKET, id, "triage", Map.of("class", "A_UNREASONABLE", "explanation", "申诉事项不属于认证决定范围"));
        step(MARKET, id, "notify-outcome", outcome("E_DOCUMENT"));
        assertEquals("CLOSED", step("lan", id, "close", Map.of()).getString("status"));
    }

    @Test
    void otherKindsCloseWithoutANotification() {
        long id = post(TECH, "OPINION").getLong("id");
        step(MARKET, id, "triage", Map.of("class", "A_UNREASONABLE", "explanation", "已说明"));
        assertEquals("CLOSED", step(MARKET, id, "close", Map.of()).getString("status"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        long id = post(TECH, "COMPLAINT").getLong("id");
        step(MARKET, id, "triage", Map.of("class", "A_UNREASONABLE", "explanation", "不属实"));
        String path = ITEMS + "/" + id + "/notify-outcome";
        int version = Feedback.version(id);
        as(MARKET).contentType(ContentType.JSON).post(path).then().statusCode(400).body("errors.field", hasItem("body"));
        as(MARKET).contentType(ContentType.JSON).body("{}").post(path).then().statusCode(400)
                .body("errors.field", hasItem("version"));
        as(MARKET).contentType(ContentType.JSON).body(Map.of("version", version)).post(path).then().statusCode(400)
                .body("errors.field", hasItems("channel", "notifiedOn", "summary"))
                .body("errors.find { it.field == 'summary' }.message", equalTo("必填"));
        Map<String, Object> pigeon = outcome("PIGEON");
        pigeon.put("version", version);
        as(MARKET).header("Accept-Language", "en").contentType(ContentType.JSON).body(pigeon).post(path).then()
                .statusCode(400).body("errors.field", hasItem("channel"));
        Map<String, Object> future = outcome("PHONE");
        future.put("notifiedOn", LocalDate.now(ClockProducer.ZONE).plusDays(2).toString());
        step(MARKET, id, "notify-outcome", future, 400)
                .body("errors.find { it.field == 'notifiedOn' }.message", equalTo("不能晚于当前时间"));
        Map<String, Object> early = outcome("PHONE");
        early.put("notifiedOn", "2020-01-01");
        as(MARKET).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(withVersion(early, version)).post(path).then().statusCode(400)
                .body("errors.find { it.field == 'notifiedOn' }.message",
                        equalTo("Must not be before the day the item was received"));
        Map<String, Object> badDay = outcome("PHONE");
        badDay.put("notifiedOn", "2026/03/01");
        step(MARKET, id, "notify-outcome", badDay, 400).body("errors.field", hasItem("notifiedOn"));
        step(MARKET, id, "notify-outcome", withVersion(outcome("PHONE"), version + 4), 409).body("code", equalTo("stale"));
        as(MARKET).get(ITEMS + "/" + id).then().body("outcome", nullValue()).body("version", equalTo(version));
    }

    @Test
    void onlyTheMarketDepartmentNotifiesAndAnUnknownItemIs404() {
        long theirs = post(TECH, "COMPLAINT").getLong("id");
        long mine = post(SCHED, "COMPLAINT").getLong("id");
        for (long id : new long[] { theirs, mine }) {
            as(SCHED).contentType(ContentType.JSON).body(withVersion(outcome("PHONE"), 0))
                    .post(ITEMS + "/" + id + "/notify-outcome").then().statusCode(403);
        }
        as(MARKET).contentType(ContentType.JSON).body(withVersion(outcome("PHONE"), 0))
                .post(ITEMS + "/999999999/notify-outcome").then().statusCode(404).body("code", equalTo("not-found"));
    }

    private static Map<String, Object> withVersion(Map<String, Object> body, int version) {
        Map<String, Object> b = new HashMap<>(body);
        b.put("version", version);
        return b;
    }
}
