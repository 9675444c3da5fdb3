package com.certcare.survey;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.OpenApiSnapshot;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The web app's API types come from a committed snapshot of this service's OpenAPI document
 * (frontend/src/api/openapi/survey-service.json): this fails when the served document differs; with
 * {@code -Dcertcare.openapi.update=true} it rewrites the snapshot (test-support's {@link OpenApiSnapshot}).
 */
@QuarkusTest
class OpenApiSnapshotTest {

    @Test
    void theCommittedSnapshotIsTheDocumentTheServiceServes() {
        String served = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        OpenApiSnapshot.check("survey-service", served, List.of());
    }
}
