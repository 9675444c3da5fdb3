package com.certcare.customer.grading;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import com.certcare.customer.TestData;
import com.certcare.customer.customer.CustomerInput;
import com.certcare.customer.customer.CustomerService;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Grading (分等分级, 4.2.3) with the shipped rules (application.properties): weights 0.25 / 0.25 / 0.30 / 0.20,
 * 10 per major and 2 per minor nonconformity, 10 per serious complaint (12 months) and per overdue surveillance, the
 * latest feedback within 36 months, A ≥ 85, B ≥ 70, C ≥ 55, else D.
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class GradingTest {

    @Inject
    CustomerService customers;
    @Inject
    ObjectMapper json;
    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static long customer(String name) {
        return given().contentType(ContentType.JSON).body(TestData.customer(name + TestData.tag()))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> feedback(LocalDate on, int mc, int doc, int impl, int ca, int major, int minor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("auditedOn", on.toString());
        body.put("auditType", "SURVEILLANCE");
        body.put("managementCommitment", mc);
        body.put("documentation", doc);
        body.put("implementation", impl);
        body.put("correctiveAction", ca);
        body.put("majorNonconformities", major);
        body.put("minorNonconformities", minor);
        body.put("remarks", "现场反馈：体系运行基本有效");
        return body;
    }

    static JsonPath record(long customer, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/customers/" + customer + "/onsite-feedback").then().statusCode(201)
                .extract().jsonPath();
    }

    static JsonPath grade(long customer) {
        return given().when().get("/api/customers/" + customer + "/grade").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void gradesFromTheLatestOnsiteFeedbackByTheConfiguredRules() {
        long id = customer("分等分级客户");
        assertEquals(null, grade(id).getString("grade")); // ungraded until there is on-site feedback

        // 5, 4, 4, 3: 0.25×5 + 0.25×4 + 0.30×4 + 0.20×3 = 4.05 → ×20 = 81.0; one minor −2 → 79.0 → B (70 ≤ 79 < 85)
        record(id, feedback(TODAY.minusDays(60), 5, 4, 4, 3, 0, 1));
        JsonPath g = grade(id);
        assertEquals("B", g.getString("grade"));
        assertEquals("B（良）", g.getString("label"));
        assertEquals(79.0, g.getDouble("score"), 0.001);
        assertEquals(81.0, g.getDouble("inputs.feedback[0].criteriaScore"), 0.001);
        assertEquals(2.0, g.getDouble("inputs.feedback[0].deduction"), 0.001);
        assertEquals(0.25, g.getDouble("inputs.rules.weightManagementCommitment"), 0.001);

        // a later audit: 3, 3, 3, 3 = 60.0, one major −10 → 50.0 → D (< 55); only the latest counts
        record(id, feedback(TODAY.minusDays(5), 3, 3, 3, 3, 1, 0));
        g = grade(id);
        assertEquals("D", g.getString("grade"));
        assertEquals(50.0, g.getDouble("score"), 0.001);
        assertEquals(1, g.getList("inputs.feedback").size());
        assertEquals(TODAY.minusDays(5).toString(), g.getString("inputs.feedback[0].auditedOn"));

        // an old audit recorded afterwards does not displace the latest; the list shows the newest audit first
        record(id, feedback(TODAY.minusYears(4), 5, 5, 5, 5, 0, 0));
        assertEquals("D", grade(id).getString("grade"));
        given().when().get("/api/customers/" + id + "/onsite-feedback").then().statusCode(200)
                .body("size()", is(3))
                .body("[0].auditedOn", equalTo(TODAY.minusDays(5).toString()))
                .body("[2].auditedOn", equalTo(TODAY.minusYears(4).toString()))
                .body("[0].recordedBy", equalTo("mei"));

        // history: ungraded → B → D, each with the inputs that made it
        g = grade(id);
        assertEquals(2, g.getList("history").size());
        assertEquals("B", g.getString("history[0].from"));
        assertEquals("D", g.getString("history[0].to"));
        assertEquals("COMPUTED", g.getString("history[0].source"));
        assertEquals(50.0, g.getDouble("history[0].inputs.score"), 0.001);
        assertEquals(null, g.getString("history[1].from"));
        assertEquals("B", g.getString("history[1].to"));

        // the customer's detail and list carry it
        given().when().get("/api/customers/" + id).then().body("grade", equalTo("D"));
    }

    @Test
    void marketOverridesWithAReasonAndReturnsToTheComputedGrade() {
        long id = customer("改级客户");
        // 4, 4, 4, 4 = 80.0 → B
        record(id, feedback(TODAY.minusDays(10), 4, 4, 4, 4, 0, 0));
        given().contentType(ContentType.JSON).body(Map.of("grade", "A", "reason", "获省级质量奖，经市场部评审升级"))
                .when().put("/api/customers/" + id + "/grade/override").then().statusCode(200)
                .body("grade", equalTo("A")).body("computedGrade", equalTo("B"))
                .body("override.reason", equalTo("获省级质量奖，经市场部评审升级")).body("override.by", equalTo("mei"));
        given().when().get("/api/customers/" + id).then().body("grade", equalTo("A"));

        // a new input recomputes beneath the override, which stays in force: 3, 3, 3, 3 = 60.0 → C computed
        record(id, feedback(TODAY.minusDays(1), 3, 3, 3, 3, 0, 0));
        JsonPath g = grade(id);
        assertEquals("A", g.getString("grade"));
        assertEquals("C", g.getString("computedGrade"));

        given().when().delete("/api/customers/" + id + "/grade/override").then().statusCode(200)
                .body("grade", equalTo("C")).body("override", nullValue());
        given().when().get("/api/customers/" + id).then().body("grade", equalTo("C"));
        g = grade(id);
        assertEquals("OVERRIDE_REMOVED", g.getString("history[0].source"));
        assertEquals("A", g.getString("history[0].from"));
        assertEquals("C", g.getString("history[0].to"));
        assertEquals("OVERRIDE", g.getString("history[1].source"));
        assertEquals("B", g.getString("history[1].from"));
        assertEquals("A", g.getString("history[1].to"));
        assertEquals("获省级质量奖，经市场部评审升级", g.getString("history[1].reason"));
        assertEquals("COMPUTED", g.getString("history[2].source"));

        // each change of the grade in force is announced to the other services (the survey's grade segment): B, A, C
        assertEquals(java.util.List.of("B", "A", "C"), announcedGrades(id));
    }

    /** The grades CustomerUpdated announced for the customer with changedFields [grade], oldest first. */
    private java.util.List<String> announcedGrades(long id) {
        java.util.List<String> grades = new java.util.ArrayList<>();
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "select envelope -> 'data' -> 'customer' ->> 'grade' from outbox_event where aggregate_key = ?"
                        + " and type = 'CustomerUpdated' and envelope -> 'data' -> 'changedFields' = '[\"grade\"]'::jsonb"
                        + " order by created_at, id")) {
            s.setString(1, String.valueOf(id));
            java.sql.ResultSet r = s.executeQuery();
            while (r.next()) {
                grades.add(r.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return grades;
    }

    @Test
    void anOverdueSurveillanceIsDeducted() {
        long id = customer("监督逾期客户");
        // decided 14 months ago: the first surveillance was planned 2 months ago and no surveillance audit is recorded
        LocalDate decided = TODAY.minusMonths(14);
        given().contentType(ContentType.JSON).body(TestData.certification("QMS").valid("QMS-" + TestData.tag(), decided)
                .with("applicationAcceptedOn", decided.minusDays(60).toString())
                .with("auditDates", Map.of("stage1", decided.minusDays(40).toString(), "stage2", decided.minusDays(20).toString())))
                .when().post("/api/customers/" + id + "/certifications").then().statusCode(201);
        // 5, 4, 4, 3 = 81.0, one minor −2, the overdue surveillance −10 → 69.0 → C
        record(id, feedback(TODAY.minusDays(3), 5, 4, 4, 3, 0, 1));
        JsonPath g = grade(id);
        assertEquals("C", g.getString("grade"));
        assertEquals(69.0, g.getDouble("score"), 0.001);
        assertEquals(1, g.getList("inputs.overdueSurveillance").size());
        assertEquals(10.0, g.getDouble("inputs.overdueSurveillance[0].deduction"), 0.001);
        assertTrue(LocalDate.parse(g.getString("inputs.overdueSurveillance[0].plannedOn")).isBefore(TODAY));
        // the statistics group by grade (customers with records)
        String creditCode = given().when().get("/api/customers/" + id).then().extract().path("creditCode");
        given().queryParam("groupBy", "GRADE").queryParam("q", creditCode).when().get("/api/customers/statistics")
                .then().statusCode(200).body("size()", is(1)).body("[0].key", equalTo("C"))
                .body("[0].customers", is(1));
        // on demand: the same inputs, the same grade, no new history entry
        given().when().post("/api/customers/" + id + "/grade/recompute").then().statusCode(200)
                .body("grade", equalTo("C")).body("history.size()", is(1));
    }

    @jakarta.inject.Inject
    com.certcare.customer.certification.SurveillanceRules surveillanceRules;

    @Test
    void theDailySurveillanceRulesSuspendingACertificateGradeItsClientAgain() {
        long id = customer("每日规则重新分级客户");
        // 5, 4, 4, 3 = 81.0, one minor −2 → 79.0 → B, before any certificate
        record(id, feedback(TODAY.minusDays(3), 5, 4, 4, 3, 0, 1));
        assertEquals("B", grade(id).getString("grade"));
        LocalDate decided = TODAY.minusMonths(14);
        given().contentType(ContentType.JSON).body(TestData.certification("QMS").valid("QMS-" + TestData.tag(), decided)
                .with("applicationAcceptedOn", decided.minusDays(60).toString())
                .with("auditDates", Map.of("stage1", decided.minusDays(40).toString(), "stage2", decided.minusDays(20).toString())))
                .when().post("/api/customers/" + id + "/certifications").then().statusCode(201);
        assertEquals("B", grade(id).getString("grade"), "recording a certificate does not grade again");
        // the daily job suspends the overdue certificate; the grade follows in the same transaction: −10 → 69.0 → C
        surveillanceRules.apply(TODAY);
        JsonPath g = grade(id);
        assertEquals("C", g.getString("grade"));
        assertEquals(1, g.getList("inputs.overdueSurveillance").size());
        assertEquals("system", g.getString("history[0].by")); // newest first (the B → C change)
    }

    @Test
    void theListAndTheExportFilterByGrade() {
        String tag = TestData.tag();
        long id = given().contentType(ContentType.JSON).body(TestData.customer("等级筛选" + tag))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        record(id, feedback(TODAY.minusDays(3), 4, 4, 4, 4, 0, 0)); // 80.0 → B
        given().queryParam("q", tag).queryParam("grade", "B").when().get("/api/customers").then().statusCode(200)
                .body("total", is(1)).body("items[0].grade", equalTo("B"));
        given().queryParam("q", tag).queryParam("grade", "A").queryParam("grade", "b").when().get("/api/customers")
                .then().statusCode(200).body("total", is(1));
        given().queryParam("q", tag).queryParam("grade", "A").when().get("/api/customers").then().statusCode(200)
                .body("total", is(0));
        given().queryParam("grade", "E").when().get("/api/customers").then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors.field", hasItem("grade"));

        String csv = new String(given().queryParam("q", tag).queryParam("grade", "B").queryParam("format", "csv")
                .when().get("/api/customers/export").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("等级筛选" + tag), csv);
        String none = new String(given().queryParam("q", tag).queryParam("grade", "C").queryParam("format", "csv")
                .when().get("/api/customers/export").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertFalse(none.contains("等级筛选" + tag), none);
    }

    @Test
    @TestSecurity(user = "li", roles = "auditor")
    void anAuditorRecordsFeedbackButCannotOverride() {
        long id = marketCustomer();
        record(id, feedback(TODAY.minusDays(2), 4, 4, 4, 4, 0, 0));
        given().when().get("/api/customers/" + id + "/grade").then().statusCode(200).body("grade", equalTo("B"))
                .body("history[0].by", equalTo("li"));
        given().contentType(ContentType.JSON).body(Map.of("grade", "A", "reason", "想改"))
                .when().put("/api/customers/" + id + "/grade/override").then().statusCode(403);
        given().when().delete("/api/customers/" + id + "/grade/override").then().statusCode(403);
        given().when().post("/api/customers/" + id + "/grade/recompute").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "dept", roles = "department")
    void theDepartmentRoleIsRefused() {
        long id = marketCustomer();
        given().when().get("/api/customers/" + id + "/grade").then().statusCode(403);
        given().when().get("/api/customers/" + id + "/onsite-feedback").then().statusCode(403);
        given().contentType(ContentType.JSON).body(feedback(TODAY, 4, 4, 4, 4, 0, 0))
                .when().post("/api/customers/" + id + "/onsite-feedback").then().statusCode(403);
    }

    @Test
    void badInputIsNamedAndWritesNothing() {
        long id = customer("坏输入客户");
        Map<String, Object> body = feedback(TODAY, 6, 4, 4, 4, -1, 0);
        body.remove("auditType");
        body.put("remarks", "长".repeat(2001));
        given().contentType(ContentType.JSON).body(body).when().post("/api/customers/" + id + "/onsite-feedback").then()
                .statusCode(400).contentType(containsString("problem+json"))
                .body("errors.field", hasItem("managementCommitment"))
                .body("errors.field", hasItem("auditType"))
                .body("errors.field", hasItem("majorNonconformities"))
                .body("errors.field", hasItem("remarks"))
                .body("errors.field", not(hasItem("documentation")));
        given().contentType(ContentType.JSON).body(feedback(TODAY.plusDays(1), 4, 4, 4, 4, 0, 0))
                .when().post("/api/customers/" + id + "/onsite-feedback").then().statusCode(400)
                .body("errors.field", hasItem("auditedOn"));
        given().when().get("/api/customers/" + id + "/onsite-feedback").then().body("size()", is(0));

        // unknown customer: 404; a certification of another customer: 400 naming certificationId
        given().contentType(ContentType.JSON).body(feedback(TODAY, 4, 4, 4, 4, 0, 0))
                .when().post("/api/customers/987654320/onsite-feedback").then().statusCode(404);
        given().when().get("/api/customers/987654320/grade").then().statusCode(404);
        long other = customer("他人记录客户");
        long certification = given().contentType(ContentType.JSON).body(TestData.certification("QMS"))
                .when().post("/api/customers/" + other + "/certifications").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Map<String, Object> foreign = feedback(TODAY, 4, 4, 4, 4, 0, 0);
        foreign.put("certificationId", certification);
        given().contentType(ContentType.JSON).body(foreign).when().post("/api/customers/" + id + "/onsite-feedback")
                .then().statusCode(400).body("errors.field", hasItem("certificationId"));
        foreign.put("certificationId", certification);
        given().contentType(ContentType.JSON).body(foreign).when().post("/api/customers/" + other + "/onsite-feedback")
                .then().statusCode(201).body("certificationId", is((int) certification));

        // an override needs a grade and a reason
        given().contentType(ContentType.JSON).body(Map.of("grade", "A")).when().put("/api/customers/" + id + "/grade/override")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("grade", "E", "reason", "x"))
                .when().put("/api/customers/" + id + "/grade/override").then().statusCode(400);
    }

    /** A customer registered by market (for tests whose user may not register one). */
    long marketCustomer() {
        return customers.create(json.convertValue(TestData.customer("等级客户" + TestData.tag()), CustomerInput.class), "mei").id;
    }
}
