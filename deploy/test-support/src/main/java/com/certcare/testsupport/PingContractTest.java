package com.certcare.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/**
 * What every service's ping must do with real signed tokens: 200 for an allowed role, 403 as
 * problem+json for another role, 401 without a token or with a forged one; and readiness that covers
 * PostgreSQL and Kafka. A service's test extends it and names its path and roles.
 */
public abstract class PingContractTest {

    protected abstract String pingPath();

    protected abstract String serviceName();

    protected abstract String allowedRole();

    protected abstract String forbiddenRole();

    @Test
    void answersAnAllowedRoleWithTheCallerAndRoles() {
        given().auth().oauth2(Tokens.forUser("mei", allowedRole()))
                .when().get(pingPath())
                .then().statusCode(200)
                .body("service", equalTo(serviceName()))
                .body("user", equalTo("mei"))
                .body("roles", hasItem(allowedRole()));
    }

    @Test
    void refusesAnotherRoleWithProblemJsonInTheAskedLanguage() {
        given().auth().oauth2(Tokens.forUser("li", forbiddenRole()))
                .header("Accept-Language", "en")
                .when().get(pingPath())
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", is(403))
                .body("title", equalTo("Forbidden"));
        given().auth().oauth2(Tokens.forUser("li", forbiddenRole()))
                .header("Accept-Language", "zh-CN")
                .when().get(pingPath())
                .then().statusCode(403)
                .body("title", equalTo("没有权限"));
    }

    @Test
    void refusesAMissingToken() {
        given().when().get(pingPath()).then().statusCode(401);
    }

    @Test
    void refusesAForgedToken() {
        given().auth().oauth2(Tokens.forged("mei", allowedRole()))
                .when().get(pingPath())
                .then().statusCode(401);
    }

    @Test
    void echoesTheRequestId() {
        given().auth().oauth2(Tokens.forUser("mei", allowedRole()))
                .header("X-Request-Id", "smoke-42")
                .when().get(pingPath())
                .then().statusCode(200)
                .header("X-Request-Id", "smoke-42");
    }

    @Test
    void isReadyWithDatabaseAndBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
    }
}
