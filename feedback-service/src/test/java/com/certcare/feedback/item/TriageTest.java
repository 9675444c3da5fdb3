package com.certcare.feedback.item;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.LEADER;
import static com.certcare.feedback.item.Feedback.MARKET;
import static com.certcare.feedback.item.Feedback.MARKET_2;
import static com.certcare.feedback.item.Feedback.SCHED;
import static com.certcare.feedback.item.Feedback.TECH;
import static com.certcare.feedback.item.Feedback.as;
import static com.certcare.feedback.item.Feedback.post;
import static com.certcare.feedback.item.Feedback.step;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The three classes of 4.5 end to end against the real database: a explained and closed, b handled by its
 * department, c escalated, decided by the leader and handled as b; every step recorded in the history; complaints
 * acknowledged at once and decided or closed only by someone independent; every forbidden step a 409 that changes
 * nothing.
 */
@QuarkusTest
class TriageTest {

    @Test
    void classAIsExplainedAndClosedAndCannotCloseWithoutTheExplanation() {
        long id = post(TECH, "OPINION").getLong("id");
        JsonPath triaged = step(MARKET, id, "triage", Map.of("class", "A_UNREASONABLE"));
        assertEquals("TRIAGED", triaged.getString("status"));
        assertEquals("A_UNREASONABLE", triaged.getString("class"));
        assertNotNull(triaged.getString("firstRespondedAt"));
        step(MARKET, id, "close", Map.of(), 400).body("errors.field", hasItem("explanation"));
        assertEquals("TRIAGED", as(MARKET).get(ITEMS + "/" + id).jsonPath().getString("status"));
        JsonPath closed = step(MARKET, id, "close", Map.of("explanation", "审核时间由认可规则规定，无法缩短；已电话向客户说明。"));
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals("审核时间由认可规则规定，无法缩短；已电话向客户说明。", closed.getString("explanation"));
    }

    @Test
    void classBIsAssignedHandledByItsDepartmentResolvedAndClosed() {
        JsonPath posted = post(TECH, "AUDIT_REQUEST");
        long id = posted.getLong("id");
        assertEquals("RECEIVED", posted.getString("status"));
        assertEquals("technical-committee", posted.getString("department"));
        assertEquals("tech", posted.getString("recordedBy"));
        assertTrue(posted.getString("reference").matches("FK-\\d{4}-\\d{5}"), posted.getString("reference"));
        assertNull(posted.getString("acknowledgedAt"), "only complaints and appeals are acknowledged on receipt");
        assertTrue(Instant.parse(posted.getString("resolutionDueAt")).isAfter(Instant.parse(posted.getString("firstResponseDueAt"))));

        JsonPath handling = step(MARKET, id, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "audit-scheduling"));
        assertEquals("IN_HANDLING", handling.getString("status"));
        assertEquals("audit-scheduling", handling.getString("assignedDepartment"));
        assertNotNull(handling.getString("acknowledgedAt"));
        JsonPath resolved = step(SCHED, id, "resolve", Map.of("resolution", "监督审核已改期至四月第二周"));
        assertEquals("RESOLVED", resolved.getString("status"));
        assertEquals("sched", resolved.getString("resolvedBy"));
        JsonPath closed = step(MARKET, id, "close", Map.of());
        assertEquals("CLOSED", closed.getString("status"));
        as(MARKET).get(ITEMS + "/" + id + "/history").then().statusCode(200)
                .body("items.find { it.field == 'status' && it.newValue == 'CLOSED' }.changedBy", equalTo("mei"))
                .body("items.find { it.field == 'resolution' }.newValue", equalTo("监督审核已改期至四月第二周"));
    }

    @Test
    void classCIsEscalatedDecidedByTheLeaderAndThenHandledAsB() {
        long id = post(TECH, "VALUE_ADDED").getLong("id");
        JsonPath escalated = step(MARKET, id, "triage", Map.of("class", "C_BEYOND_AUTHORITY"));
        assertEquals("ESCALATED", escalated.getString("status"));
        assertNotNull(escalated.getString("escalatedAt"));
        as(LEADER).get(ITEMS + "/counts").then().statusCode(200).body("escalated", org.hamcrest.Matchers.greaterThan(0));
        JsonPath decided = step(LEADER, id, "decide", Map.of("decision", "同意提供二方审核培训，由技术委员会安排", "department",
                "technical-committee"));
        assertEquals("IN_HANDLING", decided.getString("status"));
        assertEquals("zhao", decided.getString("decidedBy"));
        assertEquals("technical-committee", decided.getString("assignedDepartment"));
        step(TECH, id, "resolve", Map.of("resolution", "培训已于三月完成"));
        assertEquals("CLOSED", step(MARKET, id, "close", Map.of()).getString("status"));
    }

    @Test
    void classBNeedsTheDepartmentAndAnUnknownClassIsRefusedNamingTheField() {
        long id = post(TECH, "AFTER_SALES").getLong("id");
        step(MARKET, id, "triage", Map.of("class", "B_WITHIN_AUTHORITY"), 400).body("errors.field", hasItem("department"));
        step(MARKET, id, "triage", Map.of("class", "D_MAYBE"), 400).body("errors.field", hasItem("class"));
        as(MARKET).get(ITEMS + "/" + id).then().body("status", equalTo("RECEIVED")).body("class", nullValue());
    }

    @Test
    void complaintsAreAcknowledgedAtOnceWithTheirReference() {
        JsonPath complaint = post(TECH, "COMPLAINT");
        assertNotNull(complaint.getString("acknowledgedAt"));
        assertNotNull(complaint.getString("reference"));
    }

    @Test
    void aComplaintIsNotClosedByWhoRecordedOrHandledIt() {
        long id = post(MARKET, "COMPLAINT").getLong("id");
        step(MARKET_2, id, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "market"));
        step(MARKET_2, id, "resolve", Map.of("resolution", "已向客户道歉并更换审核员"));
        int version = Feedback.version(id);
        step(MARKET, id, "close", Map.of(), 409).body("code", equalTo("decider-not-independent"));
        step(MARKET_2, id, "close", Map.of(), 409).body("code", equalTo("decider-not-independent"));
        assertEquals(version, Feedback.version(id), "nothing changed");
        step("wu-market", id, "close", Map.of(), 409).body("code", equalTo("outcome-not-notified"));
        step(MARKET_2, id, "notify-outcome", Map.of("channel", "LETTER", "notifiedOn", java.time.LocalDate.now(com.certcare.platform.time.ClockProducer.ZONE).toString(),
                "summary", "已书面告知投诉人调查结论和纠正措施"));
        assertEquals("CLOSED", step("wu-market", id, "close", Map.of(), 200).extract().jsonPath().getString("status"));
    }

    @Test
    void anAppealIsNotDecidedByTheLeaderWhoRecordedIt() {
        long id = post("wang", "APPEAL").getLong("id");
        step(MARKET, id, "triage", Map.of("class", "C_BEYOND_AUTHORITY"));
        step("wang", id, "decide", Map.of("decision", "维持原决定", "department", "technical-committee"), 409)
                .body("code", equalTo("decider-not-independent"));
        as(MARKET).get(ITEMS + "/" + id).then().body("status", equalTo("ESCALATED")).body("leaderDecision", nullValue());
        step(LEADER, id, "decide", Map.of("decision", "申诉由技术委员会复核", "department", "technical-committee"));
    }

    @Test
    void forbiddenTransitionsAre409AndChangeNothing() {
        long id = post(TECH, "CERTIFICATE_OR_MARK").getLong("id");
        int version = Feedback.version(id);
        step(SCHED, id, "resolve", Map.of("resolution", "x"), 404);
        step(MARKET, id, "resolve", Map.of("resolution", "x"), 409).body("code", equalTo("forbidden-transition"));
        step(MARKET, id, "close", Map.of(), 409).body("code", equalTo("forbidden-transition"));
        step(LEADER, id, "decide", Map.of("decision", "x", "department", "market"), 409)
                .body("code", equalTo("forbidden-transition"));
        assertEquals(version, Feedback.version(id));

        step(MARKET, id, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "technical-committee"));
        version = Feedback.version(id);
        step(MARKET, id, "triage", Map.of("class", "A_UNREASONABLE"), 409).body("code", equalTo("forbidden-transition"));
        step(MARKET, id, "close", Map.of(), 409).body("code", equalTo("forbidden-transition"));
        step(LEADER, id, "decide", Map.of("decision", "x", "department", "market"), 409);
        as(MARKET).get(ITEMS + "/" + id).then().body("version", equalTo(version)).body("status", equalTo("IN_HANDLING"))
                .body("class", equalTo("B_WITHIN_AUTHORITY")).body("leaderDecision", nullValue());

        step(TECH, id, "resolve", Map.of("resolution", "已处理"));
        step(MARKET, id, "close", Map.of());
        step(MARKET, id, "close", Map.of(), 409).body("code", equalTo("forbidden-transition"));
        step(TECH, id, "resolve", Map.of("resolution", "again"), 409).body("code", equalTo("forbidden-transition"));
        as(MARKET).get(ITEMS + "/" + id).then().body("status", equalTo("CLOSED")).body("resolution", equalTo("已处理"));
    }

    @Test
    void aStaleVersionIs409() {
        long id = post(TECH, "OPINION").getLong("id");
        step(MARKET, id, "triage", Map.of("class", "A_UNREASONABLE", "version", Feedback.version(id) + 7), 409)
                .body("code", equalTo("stale"));
    }

    @Test
    void theListFiltersAndCountsShowNewItemsToMarket() {
        long id = post(TECH, "AFTER_SALES").getLong("id");
        as(MARKET).get(ITEMS + "/counts").then().statusCode(200).body("received", org.hamcrest.Matchers.greaterThan(0));
        as(MARKET).queryParam("status", "RECEIVED").queryParam("kind", "AFTER_SALES").queryParam("department", "technical-committee")
                .queryParam("overdue", false).queryParam("sort", "receivedAt,desc")
                .get(ITEMS).then().statusCode(200).body("items.id", hasItem((int) id));
        String reference = as(MARKET).get(ITEMS + "/" + id).jsonPath().getString("reference");
        as(MARKET).queryParam("q", reference).get(ITEMS).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo((int) id)).body("items[0].overdue", notNullValue());
        as(MARKET).queryParam("class", "C_BEYOND_AUTHORITY").queryParam("q", reference).get(ITEMS).then()
                .body("total", equalTo(0));
        as(MARKET).queryParam("sort", "nonsense").get(ITEMS).then().statusCode(400).body("errors.field", hasItem("sort"));
    }

    @Test
    void dueTimesRunOnWorkingDaysFromReceiptAndAnItemPastThemIsOverdue() {
        Map<String, Object> body = Feedback.body("AFTER_SALES", "周五收到的售后要求");
        body.put("receivedAt", "2026-03-13T10:00:00+08:00");
        JsonPath posted = post(TECH, body);
        assertEquals("2026-03-16T02:00:00Z", posted.getString("acknowledgeDueAt"));
        assertEquals("2026-03-16T02:00:00Z", posted.getString("firstResponseDueAt"));
        assertEquals("2026-03-27T02:00:00Z", posted.getString("resolutionDueAt"));
        assertTrue(posted.getBoolean("overdue"));
        long id = posted.getLong("id");
        as(MARKET).queryParam("overdue", true).queryParam("size", 200).get(ITEMS).then().statusCode(200)
                .body("items.id", hasItem((int) id));
        as(MARKET).get(ITEMS + "/counts").then().body("overdue", org.hamcrest.Matchers.greaterThan(0));
    }
}
