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
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Object-level authorization: a department user sees and changes only the items its department posted or was
 * assigned; another department's item answers 404 on every endpoint taking an id — the same answer as an id that
 * does not exist, so nothing is revealed. The steps a department may not take at all (triage, decide, close) are 403
 * whatever the item.
 */
@QuarkusTest
class DepartmentIsolationTest {

    @Test
    void anotherDepartmentsItemIs404OnEveryEndpointTakingAnId() {
        long theirs = post(TECH, "AFTER_SALES").getLong("id");
        step(MARKET, theirs, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "technical-committee"));
        int version = Feedback.version(theirs);
        for (long id : new long[] { theirs, 999_999_999L }) {
            as(SCHED).get(ITEMS + "/" + id).then().statusCode(404).body("code", equalTo("not-found"));
            as(SCHED).get(ITEMS + "/" + id + "/history").then().statusCode(404).body("code", equalTo("not-found"));
            as(SCHED).contentType(ContentType.JSON).body(Map.of("resolution", "越权处理", "version", version))
                    .post(ITEMS + "/" + id + "/resolve").then().statusCode(404).body("code", equalTo("not-found"));
            for (String step : new String[] { "triage", "decide", "close" }) {
                as(SCHED).contentType(ContentType.JSON).body(Map.of("class", "A_UNREASONABLE", "decision", "x",
                        "department", "audit-scheduling", "version", version))
                        .post(ITEMS + "/" + id + "/" + step).then().statusCode(403);
            }
        }
        as(MARKET).get(ITEMS + "/" + theirs).then().statusCode(200).body("version", equalTo(version))
                .body("status", equalTo("IN_HANDLING")).body("resolution", org.hamcrest.Matchers.nullValue());
        as(TECH).get(ITEMS + "/" + theirs).then().statusCode(200);
        as(TECH).get(ITEMS + "/" + theirs + "/history").then().statusCode(200);
    }

    /** Issue #19: an auditor posts what a client raised during an audit (as the audit team) and reads nothing else here. */
    @Test
    void anAuditorPostsFromTheAuditButReadsNothing() {
        var posted = post("audi", "AUDIT_REQUEST");
        org.junit.jupiter.api.Assertions.assertEquals("audit-team", posted.getString("department"));
        long id = posted.getLong("id");
        as("audi").get(ITEMS).then().statusCode(403);
        as("audi").get(ITEMS + "/" + id).then().statusCode(403);
        as("audi").get(ITEMS + "/" + id + "/history").then().statusCode(403);
        as("audi").get(ITEMS + "/counts").then().statusCode(403);
        as(MARKET).get(ITEMS + "/" + id).then().statusCode(200).body("department", equalTo("audit-team"));
    }

    @Test
    void aDepartmentListsAndCountsOnlyItsOwnItems() {
        long theirs = post(TECH, "OPINION").getLong("id");
        long mine = post(SCHED, "OPINION").getLong("id");
        as(SCHED).queryParam("size", 200).get(ITEMS).then().statusCode(200)
                .body("items.id", hasItem((int) mine)).body("items.id", not(hasItem((int) theirs)))
                .body("items.findAll { it.department != 'audit-scheduling' && it.assignedDepartment != 'audit-scheduling' }.size()",
                        equalTo(0));
        as(SCHED).get(ITEMS + "/counts").then().statusCode(200);
    }

    @Test
    void aDepartmentsInHandlingCountIsTheWorkAssignedToIt() {
        int before = as(SCHED).get(ITEMS + "/counts").then().statusCode(200).extract().path("inHandling");
        int techBefore = as(TECH).get(ITEMS + "/counts").then().extract().path("inHandling");
        long toUs = post(TECH, "AFTER_SALES").getLong("id");
        long ourOwnElsewhere = post(SCHED, "AFTER_SALES").getLong("id");
        step(MARKET, toUs, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "audit-scheduling"));
        step(MARKET, ourOwnElsewhere, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "finance"));
        // assigned to us counts; posted by us but handled by finance does not; the poster (tech) does not count ours
        as(SCHED).get(ITEMS + "/counts").then().body("inHandling", equalTo(before + 1));
        as(TECH).get(ITEMS + "/counts").then().body("inHandling", equalTo(techBefore));
        step(SCHED, toUs, "resolve", Map.of("resolution", "已安排"));
        as(SCHED).get(ITEMS + "/counts").then().body("inHandling", equalTo(before));
    }

    @Test
    void theAssignedDepartmentSeesAndResolvesAnItemAnotherPosted() {
        long id = post(TECH, "AUDIT_REQUEST").getLong("id");
        as(SCHED).get(ITEMS + "/" + id).then().statusCode(404);
        step(MARKET, id, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "audit-scheduling"));
        as(SCHED).get(ITEMS + "/" + id).then().statusCode(200);
        step(TECH, id, "resolve", Map.of("resolution", "不是我们的"), 403).body("code", equalTo("not-assigned-department"));
        step(SCHED, id, "resolve", Map.of("resolution", "已安排"));
    }
}
