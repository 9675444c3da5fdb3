package com.certcare.customer.statistics;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class StatisticsAccessTest {

    @Test
    @TestSecurity(user = "wang", roles = "leader")
    void leadershipReadsTheStatistics() {
        given().queryParam("groupBy", "SCHEME").when().get("/api/customers/statistics").then().statusCode(200);
        given().when().get("/api/customers/statistics/expiring").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "zhao", roles = "auditor")
    void auditorsReadThem() {
        given().queryParam("groupBy", "PROVINCE").when().get("/api/customers/statistics").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "li", roles = "department")
    void otherDepartmentsDoNot() {
        given().queryParam("groupBy", "SCHEME").when().get("/api/customers/statistics").then().statusCode(403);
        given().when().get("/api/customers/statistics/surveillance-due").then().statusCode(403);
    }
}
