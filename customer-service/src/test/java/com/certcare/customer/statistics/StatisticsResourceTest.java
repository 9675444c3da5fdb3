package com.certcare.customer.statistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.certcare.customer.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Each grouping and both due lists, over a tagged data set with known counts and fee sums. */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsResourceTest {

    private final String tag = TestData.tag();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private boolean loaded;
    private long dueCustomer;
    private long expiringCustomer;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        // Zhejiang: QMS VALID (surveillance due in ~a month), EMS APPLYING
        dueCustomer = customer("浙江", "330000", List.of("33.02.01", "34.01.01"));
        certification(dueCustomer, TestData.certification("QMS").valid("ST-Q-" + tag, today.minusMonths(11))
                .with("applicationAcceptedOn", today.minusMonths(13).toString())
                .with("initialAuditFee", new BigDecimal("10000.10")).with("surveillanceFee", new BigDecimal("5000.05")));
        certification(dueCustomer, TestData.certification("EMS").with("initialAuditFee", new BigDecimal("2000.00"))
                .with("surveillanceFee", null).with("applicationAcceptedOn", today.minusMonths(13).toString()));
        // Jiangsu: QMS VALID expiring in 29 days
        expiringCustomer = customer("江苏", "320000", List.of("33.02.01"));
        LocalDate decision = today.minusYears(3).plusDays(30);
        certification(expiringCustomer, TestData.certification("QMS").valid("ST-J-" + tag, decision)
                .with("applicationAcceptedOn", decision.minusMonths(2).toString())
                .with("initialAuditFee", new BigDecimal("20000.00")).with("surveillanceFee", new BigDecimal("8000.00")));
    }

    private long customer(String name, String province, List<String> codes) {
        return given().contentType(ContentType.JSON)
                .body(TestData.customer(tag + name + "统计测试公司").with("provinceCode", province).with("postalCode", null)
                        .with("professionalCodes", codes))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void certification(long customerId, Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/customers/" + customerId + "/certifications").then().statusCode(201);
    }

    private RequestSpecification tagged() {
        return given().queryParam("q", tag);
    }

    @Test
    void groupsByProvinceWithCustomerCountsAndExactFeeSums() {
        tagged().queryParam("groupBy", "PROVINCE").when().get("/api/customers/statistics").then().statusCode(200)
                .body("key", contains("320000", "330000"))
                .body("customers", contains(1, 1))
                .body("certifications", contains(1, 2))
                .body("initialAuditFees", contains("20000.00", "12000.10"))
                .body("surveillanceFees", contains("8000.00", "5000.05"));
    }

    @Test
    void groupsByStatusSchemeAndProfessionalCode() {
        tagged().queryParam("groupBy", "STATUS").when().get("/api/customers/statistics").then()
                .body("key", contains("APPLYING", "VALID")).body("certifications", contains(1, 2));
        tagged().queryParam("groupBy", "SCHEME").when().get("/api/customers/statistics").then()
                .body("key", contains("EMS", "QMS")).body("customers", contains(1, 2));
        tagged().queryParam("groupBy", "PROFESSIONAL_CODE").when().get("/api/customers/statistics").then()
                .body("key", contains("33.02.01", "34.01.01")).body("customers", contains(2, 1))
                .body("certifications", contains(3, 2));
    }

    @Test
    void groupsByMonthQuarterAndYearOfTheChosenDate() {
        LocalDate accepted = today.minusMonths(13);
        tagged().queryParam("groupBy", "YEAR").queryParam("periodBy", "APPLICATION_ACCEPTED_ON")
                .queryParam("province", "330000")
                .when().get("/api/customers/statistics").then()
                .body("key", contains(String.valueOf(accepted.getYear()))).body("certifications", contains(2));
        LocalDate issued = today.minusMonths(11);
        tagged().queryParam("groupBy", "MONTH").queryParam("status", "VALID").queryParam("province", "330000")
                .when().get("/api/customers/statistics").then()
                .body("key", contains(String.format("%d-%02d", issued.getYear(), issued.getMonthValue())));
        tagged().queryParam("groupBy", "QUARTER").queryParam("status", "VALID").queryParam("province", "330000")
                .when().get("/api/customers/statistics").then()
                .body("key", contains(issued.getYear() + "-Q" + ((issued.getMonthValue() - 1) / 3 + 1)));
    }

    @Test
    void listsSurveillanceDueWithinNDays() {
        LocalDate planned = today.minusMonths(11).plusMonths(12).minusDays(1);
        tagged().queryParam("days", 40).when().get("/api/customers/statistics/surveillance-due").then().statusCode(200)
                .body("items.customerId", contains((int) dueCustomer))
                .body("items.on", contains(planned.toString()))
                .body("items.scheme", contains("QMS"))
                .body("total", is(1)).body("page", is(1)).body("size", is(50));
        tagged().queryParam("days", 5).when().get("/api/customers/statistics/surveillance-due").then()
                .body("total", is(planned.isAfter(today.plusDays(5)) ? 0 : 1));
        // a page past the items still says how many there are: a long window is never cut short unsaid
        tagged().queryParam("days", 40).queryParam("page", 2).queryParam("size", 1)
                .when().get("/api/customers/statistics/surveillance-due").then().statusCode(200)
                .body("items", hasSize(0)).body("total", is(1));
    }

    @Test
    void listsCertificatesExpiringWithinNDays() {
        tagged().queryParam("days", 60).when().get("/api/customers/statistics/expiring").then().statusCode(200)
                .body("items.customerId", contains((int) expiringCustomer))
                .body("items.on", contains(today.minusYears(3).plusDays(30).plusYears(3).minusDays(1).toString()))
                .body("total", is(1));
        tagged().queryParam("days", 10).when().get("/api/customers/statistics/expiring").then().body("total", is(0));
    }

    @Test
    void refusesAMissingGroupingOrAnAbsurdWindow() {
        given().when().get("/api/customers/statistics").then().statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        given().queryParam("days", -1).when().get("/api/customers/statistics/expiring").then().statusCode(400)
                .body("errors[0].field", equalTo("days"));
        given().queryParam("size", 1001).when().get("/api/customers/statistics/surveillance-due").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("page", 0).when().get("/api/customers/statistics/expiring").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }
}
