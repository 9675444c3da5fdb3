package com.certcare.feedback;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.OpenApiSnapshot;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The web app's API types come from a committed snapshot of this service's OpenAPI document
 * (frontend/src/api/openapi/feedback-service.json): this fails when the served document differs; with
 * {@code -Dcertcare.openapi.update=true} it rewrites the snapshot (test-support's {@link OpenApiSnapshot}).
 */
@QuarkusTest
class OpenApiSnapshotTest {

    @Test
    void theCommittedSnapshotIsTheDocumentTheServiceServes() {
        String served = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        OpenApiSnapshot.check("feedback-service", served, List.of());
    }

    @Test
    void thePostCarriesAnExampleRequestBody() {
        given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/feedback'.post.requestBody.content.'application/json'.examples.'audit-request'.value",
                        org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/feedback'.post.operationId", org.hamcrest.Matchers.equalTo("createFeedback"));
    }
}
