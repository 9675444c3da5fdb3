package com.certcare.customer.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * A cell that breaks a rule, in a row for a customer or record that is registered, is reported by line like any
 * bad cell: working out what the row would change must not trip over the unchecked value first (a blank name, a
 * fee with three decimals), which would answer 500 for a mistake in the file.
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class LedgerImportUncheckedCellsTest {

    private static String registered(String tag) {
        String code = TestData.creditCode();
        long id = given().contentType(ContentType.JSON).body(TestData.customer(tag + "未校验单元格有限公司").with("creditCode", code))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON).body(TestData.certification("QMS").valid("UC-" + tag, LocalDate.of(2026, 3, 15)))
                .when().post("/api/customers/" + id + "/certifications").then().statusCode(201);
        return code;
    }

    private static io.restassured.response.ValidatableResponse dryRun(String csv) {
        return given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", true)
                .when().post("/api/customers/import").then();
    }

    @Test
    void aBlankNameOfARegisteredCustomerIsABadCell() {
        String code = registered(TestData.tag());
        dryRun("企业名称,统一社会信用代码\n ," + code + "\n").statusCode(200).body("errorCount", is(1))
                .body("errors.line", hasItem(2));
    }

    @Test
    void aFeeWithThreeDecimalsOfARegisteredRecordIsABadCell() {
        String code = registered(TestData.tag());
        dryRun("统一社会信用代码,认证领域,监督费用\n" + code + ",QMS,7000.125\n").statusCode(200).body("errorCount", is(1))
                .body("errors.line", hasItem(2));
    }
}
