package com.certcare.customer.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Acknowledging a reported management-system change: market only, once, for a change of that customer; the flag
 * leaves the customer view and the list's filter. (The event's way in is SystemChangeIntakeTest's.)
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class SystemChangeResourceTest {

    @Inject
    SystemChanges changes;

    private long customer() {
        return given().contentType(ContentType.JSON).body(TestData.customer("确认变更客户" + TestData.tag()))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A change as the intake records it. */
    private long reported(long customerId, String reference) {
        String item = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2));
        QuarkusTransaction.requiringNew().run(() -> changes.report(new SystemChanges.Report(customerId, item, reference,
                "报告方有限公司", Instant.parse("2026-04-01T01:00:00Z")), "feedback:" + reference, "test"));
        return given().when().get("/api/customers/" + customerId + "/system-changes").then().statusCode(200).extract()
                .jsonPath().getLong("find { it.reference == '" + reference + "' }.id");
    }

    private static String acknowledgePath(long customerId, long changeId) {
        return "/api/customers/" + customerId + "/system-changes/" + changeId + "/acknowledge";
    }

    @Test
    void marketAcknowledgesOnceAndTheFlagLeavesTheCustomer() {
        long id = customer();
        long first = reported(id, "FK-2026-" + TestData.tag());
        long second = reported(id, "FK-2026-" + TestData.tag());
        given().when().get("/api/customers/" + id).then().body("openSystemChanges.size()", is(2));

        given().contentType(ContentType.JSON).body(Map.of("note", "已评价：地址变更，下次监督审核时核实"))
                .when().post(acknowledgePath(id, first)).then().statusCode(200)
                .body("id", is((int) first))
                .body("acknowledgedBy", equalTo("mei"))
                .body("acknowledgedAt", notNullValue())
                .body("acknowledgeNote", equalTo("已评价：地址变更，下次监督审核时核实"));

        // the other stays open: several may be
        given().when().get("/api/customers/" + id).then().body("openSystemChanges.size()", is(1))
                .body("openSystemChanges[0].id", is((int) second));
        given().contentType(ContentType.JSON).body("{}").when().post(acknowledgePath(id, second)).then().statusCode(200)
                .body("acknowledgeNote", equalTo(null));
        given().when().get("/api/customers/" + id).then().body("openSystemChanges.size()", is(0));
        String creditCode = given().when().get("/api/customers/" + id).then().extract().path("creditCode");
        given().queryParam("q", creditCode).queryParam("systemChangeOpen", "true").when().get("/api/customers").then()
                .body("total", is(0));
        given().queryParam("q", creditCode).queryParam("systemChangeOpen", "false").when().get("/api/customers").then()
                .body("total", is(1));

        // a second acknowledgement is refused, saying by whom
        given().contentType(ContentType.JSON).body("{}").header("Accept-Language", "en")
                .when().post(acknowledgePath(id, first)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Management-system change already acknowledged"))
                .body("detail", containsString("mei"));
        // both are listed, with who acknowledged them; the history keeps the acknowledgement
        given().when().get("/api/customers/" + id + "/system-changes").then().body("size()", is(2))
                .body("acknowledgedBy", everyItemIs("mei"));
        given().when().get("/api/customers/" + id + "/history").then()
                .body("items.findAll { it.entity == 'systemChange' && it.field == 'acknowledgedBy' }.newValue",
                        hasItem("mei"));
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    @TestSecurity(user = "li", roles = "leader")
    void onlyMarketAcknowledges() {
        // ids need not exist: the role is checked first
        given().contentType(ContentType.JSON).body("{}").when().post(acknowledgePath(1, 1)).then().statusCode(403);
        // a leader reads the changes (404: no such customer, not 403)
        given().when().get("/api/customers/987654321/system-changes").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "zhao", roles = "admin")
    void adminDoesNotAcknowledgeEither() {
        given().contentType(ContentType.JSON).body("{}").when().post(acknowledgePath(1, 1)).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "qian", roles = "auditor")
    void auditorDoesNotAcknowledge() {
        given().contentType(ContentType.JSON).body("{}").when().post(acknowledgePath(1, 1)).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "sun", roles = "department")
    void departmentNeitherReadsNorAcknowledges() {
        given().contentType(ContentType.JSON).body("{}").when().post(acknowledgePath(1, 1)).then().statusCode(403);
        given().when().get("/api/customers/1/system-changes").then().statusCode(403);
    }

    @Test
    void unknownIdsAre404() {
        long id = customer();
        long change = reported(id, "FK-2026-" + TestData.tag());
        long other = customer();
        given().contentType(ContentType.JSON).body("{}").when().post(acknowledgePath(id, 987654321)).then()
                .statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").when().post(acknowledgePath(987654321, change)).then()
                .statusCode(404).contentType("application/problem+json");
        // a change of another customer is not this one's
        given().contentType(ContentType.JSON).body("{}").when().post(acknowledgePath(other, change)).then()
                .statusCode(404).contentType("application/problem+json");
        given().when().get("/api/customers/" + id).then().body("openSystemChanges.size()", is(1));
    }

    @Test
    void theSummarySaysOnlyWhatTheEventCarriesAndANameTheEventLacksIsLeftOut() {
        Instant at = Instant.parse("2026-04-01T16:30:00Z"); // 00:30 the next day in Asia/Shanghai
        assertEquals("客户报告管理体系变更（FK-2026-00007，2026-04-02 00:30 收到）；须评价其对认证的影响",
                changes.summary(new SystemChanges.Report(1, "7", "FK-2026-00007", "  ", at)));
        // a name is the event's text, never a message pattern or key: braces and a leading @ stay as they are
        assertEquals("客户报告管理体系变更（FK-2026-00008，2026-04-02 00:30 收到，报告方：@{0}公司'）；须评价其对认证的影响",
                changes.summary(new SystemChanges.Report(1, "8", "FK-2026-00008", "@{0}公司'", at)));
        String longName = "长".repeat(SystemChanges.REPORTER_MAX + 50);
        String summary = changes.summary(new SystemChanges.Report(1, "9", "FK-2026-00009", longName, at));
        org.junit.jupiter.api.Assertions.assertTrue(summary.length() <= 400, summary.length() + " characters");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        long id = customer();
        long change = reported(id, "FK-2026-" + TestData.tag());
        given().contentType(ContentType.JSON).body("null").when().post(acknowledgePath(id, change)).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        given().contentType(ContentType.JSON).body(Map.of("note", "长".repeat(501))).when().post(acknowledgePath(id, change))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("note"));
        given().contentType(ContentType.JSON).body("{\"note\":\"a\\u0000b\"}").when().post(acknowledgePath(id, change))
                .then().statusCode(400).body("errors.field", hasItem("note"));
        given().contentType(ContentType.JSON).body("{\"note\": 5").when().post(acknowledgePath(id, change))
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("systemChangeOpen", "maybe").when().get("/api/customers").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("systemChangeOpen"));
        // nothing was written on any of them
        given().when().get("/api/customers/" + id).then().body("openSystemChanges.size()", is(1));
    }
}
