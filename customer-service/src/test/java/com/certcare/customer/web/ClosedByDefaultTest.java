package com.certcare.customer.web;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** quarkus.security.jaxrs.deny-unannotated-endpoints: an endpoint without a role annotation is closed. */
@QuarkusTest
class ClosedByDefaultTest {

    @Test
    @TestSecurity(user = "root", roles = { "market", "admin", "leader", "auditor" })
    void anEndpointWithoutRolesIsDeniedToEveryRole() {
        given().when().get("/api/customers/test-unannotated").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aForgedOrMissingTokenIs401WithAProblemBodyInTheCallersLanguage() {
        given().header("Authorization", "Bearer abc.def.ghi").header("Accept-Language", "en")
                .when().get("/api/customers").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("code", org.hamcrest.Matchers.is("unauthorized"))
                .body("title", org.hamcrest.Matchers.is("Not signed in"));
        given().when().get("/api/customers").then().statusCode(401).contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.is("未登录"));
    }

    @Test
    void aSignedTokenOfTheRealmForAnotherAudienceIs401() {
        given().auth().oauth2(com.certcare.testsupport.Tokens.forAudience("admin-cli", "mei", "market"))
                .when().get("/api/customers").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(com.certcare.testsupport.Tokens.forUser("mei", "market"))
                .when().get("/api/customers").then().statusCode(200);
    }
}
