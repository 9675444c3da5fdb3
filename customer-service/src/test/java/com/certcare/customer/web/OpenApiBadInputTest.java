package com.certcare.customer.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;
import com.certcare.testsupport.OpenApiBadInputWalk;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every operation of this service's OpenAPI document, walked with malformed input (see
 * {@link OpenApiBadInputWalk} for the cases and what counts as a fault): no 5xx, no 2xx to what breaks the
 * schema, problem+json naming the field. The market role may call every operation. The walk works on a customer
 * and certification records of its own; the deletions get a fresh customer per case.
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class OpenApiBadInputTest {

    private static final String CUSTOMERS = "/api/customers";

    @Test
    void noOperationAnswersMalformedInputWithAServerErrorOrAcceptsWhatBreaksTheSchema() {
        String tag = TestData.tag();
        long customer = newCustomer(tag);
        // one record the walk may change freely, and one for the status transitions (VALID ⇄ SUSPENDED, so
        // every case finds it in a state that can move)
        long record = newCertification(customer, TestData.certification("QMS")
                .valid("ZS-" + tag, LocalDate.of(2026, 3, 15)));
        long moving = newCertification(customer, TestData.certification("EMS")
                .valid("ZS-E-" + tag, LocalDate.of(2026, 3, 15)));
        String movingPath = CUSTOMERS + "/" + customer + "/certifications/" + moving;
        String records = CUSTOMERS + "/{customerId}/certifications/{id}";

        OpenApiBadInputWalk.Result result = OpenApiBadInputWalk.of()
                .only("/api/")
                .pathParam("id", customer)
                .pathParam("customerId", customer)
                .pathParam(records, "id", () -> record)
                .pathParam("transitionCertification", "id", () -> moving)
                .pathParam("deleteCustomer", "id", () -> newCustomer(TestData.tag()))
                .pathParam("resetSurveillancePlan", "id", () -> record)
                .validBody("createCustomer", () -> TestData.customer(TestData.tag() + "走查有限公司"))
                .validBody("updateCustomer", () -> TestData.customer(tag + "走查有限公司")
                        .with("version", version(CUSTOMERS + "/" + customer)))
                // a final status, so records of one scheme can follow each other (one live record per scheme)
                .validBody("createCertification", () -> TestData.certification("FSMS").with("status", "CANCELLED"))
                .validBody("updateCertification", () -> TestData.certification("QMS")
                        .valid("ZS-" + tag, LocalDate.of(2026, 3, 15))
                        .with("version", version(CUSTOMERS + "/" + customer + "/certifications/" + record)))
                .validBody("transitionCertification", () -> {
                    JsonPath now = given().when().get(movingPath).then().statusCode(200).extract().jsonPath();
                    return Map.of("to", now.getString("status").equals("VALID") ? "SUSPENDED" : "VALID",
                            "reason", "走查", "version", now.getInt("version"));
                })
                .validBody("overrideSurveillancePlan", () -> Map.of("dates", List.of("2027-01-15"),
                        "reason", "走查", "version", version(CUSTOMERS + "/" + customer + "/certifications/" + record)))
                .validBody("importCustomers", "text/csv", () -> ledgerRow())
                .assertNoFaults();
        assertTrue(result.operations() >= 15, "the customer API has its operations in the document: " + result.operations());
    }

    private static long newCustomer(String tag) {
        return given().contentType(ContentType.JSON).body(TestData.customer(tag + "走查有限公司"))
                .when().post(CUSTOMERS).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long newCertification(long customer, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(CUSTOMERS + "/" + customer + "/certifications").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static int version(String path) {
        return given().when().get(path).then().statusCode(200).extract().jsonPath().getInt("version");
    }

    /** A one-row ledger that imports cleanly. */
    private static byte[] ledgerRow() {
        String tag = TestData.tag();
        return ("企业名称,统一社会信用代码,省份,认证领域,合同编号\n" + tag + "走查导入有限公司," + TestData.creditCode()
                + ",330000,QMS,HT-" + tag + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
