package com.certcare.customer.certification;

import static com.certcare.customer.certification.CertificationResourceTest.create;
import static com.certcare.customer.certification.CertificationResourceTest.newCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;
import com.certcare.testsupport.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The surveillance rule (QMS, effective 2026-01-01) and its daily job, run for a given day (the job reads the clock;
 * the test hands it the day instead of waiting for one): overdue surveillance suspends, a suspension past its limit
 * withdraws, past expiry expires — each with its reason in the history, as {@code system}, and
 * CertificationStatusChanged on the real broker; a manual plan that breaks the rule is refused, naming the date.
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class SurveillanceRulesTest {

    @Inject
    SurveillanceRules rules;

    private static JsonPath record(long customer, String number, LocalDate decision, List<String> surveillanceAudits) {
        TestData.CertificationBody body = TestData.certification("QMS").valid(number, decision);
        body.put("applicationAcceptedOn", decision.minusMonths(3).toString());
        body.put("auditDates", Map.of("stage1", decision.minusMonths(2).toString(), "stage2",
                decision.minusMonths(1).toString(), "surveillance", surveillanceAudits));
        return create(customer, body);
    }

    private static JsonPath read(long customer, long id) {
        return given().when().get("/api/customers/" + customer + "/certifications/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void theDailyJobSuspendsWithdrawsAndExpiresByTheRule() {
        String tag = TestData.tag();
        long customer = newCustomer();
        // decided 2025-01-10: surveillance planned 2026-01-09 and 2027-01-09
        long overdue = record(customer, "OVD-" + tag, LocalDate.of(2025, 1, 10), List.of()).getLong("id");
        long customer2 = newCustomer();
        long audited = record(customer2, "AUD-" + tag, LocalDate.of(2025, 1, 10), List.of("2025-12-20")).getLong("id");
        // decided 2023-01-06: expires 2026-01-05, its surveillance missing too — expiry comes first
        long customer3 = newCustomer();
        long old = record(customer3, "EXP-" + tag, LocalDate.of(2023, 1, 6), List.of()).getLong("id");

        // the planned day itself is not overdue yet; four days past expiry is expired
        SurveillanceRules.Outcome first = rules.apply(LocalDate.of(2026, 1, 9));
        assertTrue(first.expired() >= 1, first.toString());
        assertEquals("VALID", read(customer, overdue).getString("status"));
        assertEquals("EXPIRED", read(customer3, old).getString("status"));

        SurveillanceRules.Outcome outcome = rules.apply(LocalDate.of(2026, 1, 10));
        assertTrue(outcome.suspended() >= 1, outcome.toString());
        assertEquals("SUSPENDED", read(customer, overdue).getString("status"));
        assertEquals("VALID", read(customer2, audited).getString("status"));
        given().when().get("/api/customers/" + customer + "/history").then()
                .body("items.find { it.field == 'status' }.changedBy", equalTo("system"))
                .body("items.find { it.field == 'status' }.reason", containsString("2026-01-09"))
                .body("items.find { it.field == 'status' }.newValue", equalTo("SUSPENDED"));
        given().when().get("/api/customers/" + customer3 + "/history").then()
                .body("items.find { it.field == 'status' }.reason", containsString("2026-01-05"));
        String key = String.valueOf(customer);
        KafkaTopics.await("customers", r -> key.equals(r.key()) && r.value().contains("CertificationStatusChanged")
                && r.value().contains("SUSPENDED") && r.value().contains("2026-01-09"), 1, Duration.ofSeconds(20));

        // a second run the same day changes nothing more for these
        rules.apply(LocalDate.of(2026, 1, 10));
        assertEquals("SUSPENDED", read(customer, overdue).getString("status"));

        // suspended 181 days before the run: withdrawn; 179 days: not yet
        QuarkusTransaction.requiringNew().run(() -> Certification.update("statusChangedAt = ?1 where id = ?2",
                LocalDate.of(2025, 7, 12).atStartOfDay(com.certcare.platform.time.ClockProducer.ZONE).toInstant(), overdue));
        rules.apply(LocalDate.of(2026, 1, 7));
        assertEquals("SUSPENDED", read(customer, overdue).getString("status"));
        rules.apply(LocalDate.of(2026, 1, 10));
        assertEquals("WITHDRAWN", read(customer, overdue).getString("status"));
        given().when().get("/api/customers/" + customer + "/history").then()
                .body("items.findAll { it.field == 'status' }.newValue", hasItems("WITHDRAWN", "SUSPENDED"))
                .body("items.find { it.field == 'status' && it.newValue == 'WITHDRAWN' }.reason", containsString("180"));
    }

    @Test
    void aManualPlanMustKeepTheRule() {
        long customer = newCustomer();
        JsonPath c = record(customer, "PLN-" + TestData.tag(), LocalDate.of(2026, 3, 15), List.of());
        String path = "/api/customers/" + customer + "/certifications/" + c.getLong("id") + "/surveillance-plan";
        // one date, 15 months after the decision: too late and too few
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("dates", List.of("2027-06-01"), "reason", "客户要求", "version", c.getInt("version")))
                .when().put(path).then().statusCode(400)
                .body("errors.field", hasItems("dates[0]", "dates"))
                .body("errors.find { it.field == 'dates[0]' }.message", containsString("2027-03-15"));
        // the second 14 months after the first
        given().contentType(ContentType.JSON)
                .body(Map.of("dates", List.of("2028-03-10", "2027-01-10"), "reason", "客户要求", "version", c.getInt("version")))
                .when().put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("dates[0]")).body("errors[0].message", containsString("12"));
        given().contentType(ContentType.JSON)
                .body(Map.of("dates", List.of("2027-01-10", "2027-12-20"), "reason", "客户年度停产检修", "version", c.getInt("version")))
                .when().put(path).then().statusCode(200);
    }
}
