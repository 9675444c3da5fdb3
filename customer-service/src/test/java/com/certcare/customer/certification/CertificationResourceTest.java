package com.certcare.customer.certification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;
import com.certcare.customer.customer.CustomerEvents;
import com.certcare.platform.outbox.OutboxEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class CertificationResourceTest {

    static long newCustomer() {
        return given().contentType(ContentType.JSON).body(TestData.customer("认证记录测试公司" + TestData.tag()))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static JsonPath create(long customerId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/customers/" + customerId + "/certifications")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath transition(long customerId, JsonPath record, String to, int expectedStatus) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("to", to, "version", record.getInt("version"), "reason", "测试"))
                .when().post("/api/customers/" + customerId + "/certifications/" + record.getLong("id") + "/transitions")
                .then().statusCode(expectedStatus).extract().jsonPath();
    }

    @Test
    void recordsACertificationWithExactFeesAndAuditDates() {
        long customer = newCustomer();
        JsonPath c = create(customer, TestData.certification("QMS")
                .with("initialAuditFee", new java.math.BigDecimal("12345.67"))
                .with("auditDates", Map.of("stage1", "2026-02-01", "stage2", "2026-02-20",
                        "surveillance", List.of("2027-01-15"))));
        assertEquals("APPLYING", c.getString("status"));
        assertEquals("12345.67", c.getString("initialAuditFee"));
        assertEquals("6000.00", c.getString("surveillanceFee"));
        assertEquals("2026-02-20", c.getString("auditDates.stage2"));
        assertEquals(List.of("2027-01-15"), c.getList("auditDates.surveillance"));
        assertEquals(List.of("CONTRACTED", "TERMINATED"), c.getList("allowedTransitions"));
    }

    @Test
    void refusesFeesWithMoreThanTwoDecimalsOrBelowZero() {
        long customer = newCustomer();
        given().contentType(ContentType.JSON)
                .body(TestData.certification("QMS").with("initialAuditFee", new java.math.BigDecimal("100.001"))
                        .with("surveillanceFee", -5))
                .when().post("/api/customers/" + customer + "/certifications").then().statusCode(400)
                .body("errors.field", hasItems("initialAuditFee", "surveillanceFee"));
    }

    @Test
    void computesPlannedSurveillanceFromTheDecisionAndKeepsAnOverrideWithItsReason() {
        long customer = newCustomer();
        JsonPath c = create(customer, TestData.certification("EMS").valid("EMS-" + TestData.tag(), LocalDate.of(2026, 3, 15)));
        assertEquals(List.of("2027-03-14", "2028-03-14"), c.getList("plannedSurveillanceDates"));

        String path = "/api/customers/" + customer + "/certifications/" + c.getLong("id") + "/surveillance-plan";
        given().contentType(ContentType.JSON).body(Map.of("dates", List.of("2027-01-10"), "version", c.getInt("version")))
                .when().put(path).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        JsonPath overridden = given().contentType(ContentType.JSON)
                .body(Map.of("dates", List.of("2028-01-10", "2027-01-10"), "reason", "客户年度停产检修，提前监督",
                        "version", c.getInt("version")))
                .when().put(path).then().statusCode(200)
                .body("plannedSurveillanceDates", contains("2027-01-10", "2028-01-10"))
                .body("surveillanceOverrideReason", equalTo("客户年度停产检修，提前监督"))
                .extract().jsonPath();
        given().when().get("/api/customers/" + customer + "/history").then()
                .body("items.find { it.field == 'plannedSurveillanceDates' }.reason", equalTo("客户年度停产检修，提前监督"));
        given().queryParam("version", overridden.getInt("version")).when().delete(path).then().statusCode(200)
                .body("plannedSurveillanceDates", contains("2027-03-14", "2028-03-14"));
    }

    @Test
    void walksTheLifecycleAndRefusesForbiddenTransitions() {
        long customer = newCustomer();
        JsonPath c = create(customer, TestData.certification("OHSMS"));
        transition(customer, c, "VALID", 409);
        c = transition(customer, c, "CONTRACTED", 200);
        c = transition(customer, c, "AUDITING", 200);
        // VALID needs the certificate first
        JsonPath refused = transition(customer, c, "VALID", 400);
        assertEquals(List.of("certificateNo", "issuedOn", "expiresOn"), refused.getList("errors.field"));

        String certificateNo = "OHS-" + TestData.tag();
        c = given().contentType(ContentType.JSON)
                .body(TestData.certification("OHSMS").with("certificateNo", certificateNo).with("decisionOn", "2026-05-01")
                        .with("issuedOn", "2026-05-01").with("expiresOn", "2029-04-30").with("version", c.getInt("version")))
                .when().put("/api/customers/" + customer + "/certifications/" + c.getLong("id"))
                .then().statusCode(200).extract().jsonPath();
        c = transition(customer, c, "VALID", 200);
        c = transition(customer, c, "SUSPENDED", 200);
        c = transition(customer, c, "WITHDRAWN", 200);
        transition(customer, c, "VALID", 409);

        List<OutboxEvent> events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent> list(
                "aggregateKey = ?1 and type = ?2 order by createdAt", String.valueOf(customer),
                CertificationEvents.STATUS_CHANGED));
        assertEquals(6, events.size()); // created (APPLYING) + five transitions
        assertEquals(CustomerEvents.TOPIC, events.get(0).topic);
        org.junit.jupiter.api.Assertions.assertTrue(events.get(5).envelope.contains("WITHDRAWN"));
    }

    @Test
    void aStatusChangeNeedsTheTransitionNotAnUpdate() {
        long customer = newCustomer();
        JsonPath c = create(customer, TestData.certification("QMS"));
        given().contentType(ContentType.JSON).body(TestData.certification("QMS").with("status", "VALID")
                .with("version", c.getInt("version")))
                .when().put("/api/customers/" + customer + "/certifications/" + c.getLong("id"))
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void keepsCertificateNumbersUniqueAmongLiveCertificates() {
        String number = "QMS-" + TestData.tag();
        create(newCustomer(), TestData.certification("QMS").valid(number, LocalDate.of(2026, 6, 1)));
        given().contentType(ContentType.JSON).body(TestData.certification("QMS").valid(number, LocalDate.of(2026, 7, 1)))
                .when().post("/api/customers/" + newCustomer() + "/certifications").then().statusCode(409)
                .body("code", equalTo("certificate-number-taken"))
                .body("detail", containsString(number));
    }

    @Test
    void allowsOneLiveRecordPerScheme() {
        long customer = newCustomer();
        JsonPath first = create(customer, TestData.certification("ISMS"));
        given().contentType(ContentType.JSON).body(TestData.certification("ISMS"))
                .when().post("/api/customers/" + customer + "/certifications").then().statusCode(409)
                .body("code", equalTo("scheme-already-recorded"));
        // an application that never became a certificate ends TERMINATED (终止); CANCELLED (注销) is a certificate's
        transition(customer, first, "CANCELLED", 409);
        transition(customer, first, "TERMINATED", 200);
        create(customer, TestData.certification("ISMS"));
    }

    @Test
    void rejectsUnknownSchemesAndInconsistentDates() {
        given().contentType(ContentType.JSON)
                .body(TestData.certification("XYZ").with("issuedOn", "2026-05-01").with("expiresOn", "2026-04-01")
                        .with("decisionOn", "2026-06-01"))
                .when().post("/api/customers/" + newCustomer() + "/certifications").then().statusCode(400)
                .body("errors.field", hasItems("scheme", "expiresOn", "issuedOn"));
    }

    @Test
    void aRecordOfAnotherCustomerIsNotFound() {
        long owner = newCustomer();
        JsonPath c = create(owner, TestData.certification("QMS"));
        given().when().get("/api/customers/" + newCustomer() + "/certifications/" + c.getLong("id"))
                .then().statusCode(404);
        given().when().get("/api/customers/" + owner + "/certifications").then().statusCode(200)
                .body("size()", is(1));
    }

    @Test
    void professionalCodesBelongToTheRecordAndTheCustomerKeepsTheirUnion() {
        long customer = newCustomer();
        JsonPath qms = create(customer, TestData.certification("QMS").with("professionalCodes", List.of("19.09.00", "18.05.01")));
        assertEquals(List.of("18.05.01", "19.09.00"), qms.getList("professionalCodes"));
        create(customer, TestData.certification("EMS").with("professionalCodes", List.of("29.12.00")));
        given().when().get("/api/customers/" + customer).then().statusCode(200)
                .body("professionalCodes", hasItems("18.05.01", "19.09.00", "29.12.00"))
                .body("certifications.find { it.scheme == 'QMS' }.professionalCodes", contains("18.05.01", "19.09.00"));
        given().when().get("/api/customers/" + customer + "/history").then()
                .body("items.find { it.entity == 'customer' && it.field == 'professionalCodes' }.reason", containsString("EMS"));
        // an update that leaves them out keeps them; a bad code is named and changes nothing
        Map<String, Object> update = new java.util.LinkedHashMap<>(TestData.certification("QMS"));
        update.put("contractNo", qms.getString("contractNo"));
        update.put("scope", "改写的范围");
        update.put("version", qms.getInt("version"));
        given().contentType(ContentType.JSON).body(update)
                .when().put("/api/customers/" + customer + "/certifications/" + qms.getLong("id")).then().statusCode(200)
                .body("professionalCodes", contains("18.05.01", "19.09.00"));
        given().contentType(ContentType.JSON).body(TestData.certification("OHSMS").with("professionalCodes", List.of("18-05")))
                .when().post("/api/customers/" + customer + "/certifications").then().statusCode(400)
                .body("errors[0].field", equalTo("professionalCodes[0]"));
        String creditCode = given().when().get("/api/customers/" + customer).then().extract().path("creditCode");
        given().queryParam("professionalCode", "29.12.00").queryParam("q", creditCode).when().get("/api/customers").then()
                .body("total", is(1));
    }
}
