package com.certcare.application;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.OpenApiBadInputWalk;
import com.certcare.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every operation of this service's OpenAPI document, walked with malformed input (see
 * {@link OpenApiBadInputWalk} for the cases and what counts as a fault): no 5xx, no 2xx to what breaks the
 * schema, problem+json naming the field. A signed token carrying every role this service knows; path parameters
 * point at a document of the walk's own with one version, published.
 */
@QuarkusTest
class OpenApiBadInputTest {

    @Test
    void noOperationAnswersMalformedInputWithAServerErrorOrAcceptsWhatBreaksTheSchema() {
        String token = Tokens.forUser("walker", "market", "leader", "auditor", "admin");
        long document = publishedDocument("Bearer " + token);
        long application = draftApplication("Bearer " + token);
        long attachment = given().header("Authorization", "Bearer " + token).when().get("/api/applications/" + application)
                .then().statusCode(200).extract().jsonPath().getLong("attachments[0].id");
        var submitted = com.certcare.application.applying.Applicants.submitted("走查申请有限公司");
        long contract = contract("Bearer " + token);
        OpenApiBadInputWalk.Result result = OpenApiBadInputWalk.of()
                .only("/api/")
                .headers(() -> Map.of("Authorization", "Bearer " + token, "X-Application-Secret", submitted.get("secret")))
                .pathParam("id", document)
                .pathParam("/api/applications/{id}", "id", () -> application)
                .pathParam("/api/applications/{id}/attachments/{attachmentId}/file", "attachmentId", () -> attachment)
                .pathParam("/api/public/applications/{reference}", "reference", () -> submitted.get("reference"))
                .pathParam("/api/contracts/{id}", "id", () -> contract)
                .pathParam("number", 1)
                .validBody("createDocument", () -> Map.of("kind", "FEE_SCHEDULE", "titleZh", "走查文件"))
                .validBody("updateDocument", () -> Map.of("kind", "FEE_SCHEDULE", "titleZh", "走查文件",
                        "published", true, "version", version("Bearer " + token, document)))
                .assertNoFaults();
        assertTrue(result.operations() >= 9, "the document lists this service's operations: " + result.operations());
    }

    /** A DRAFT contract of an accepted application. */
    private static long contract(String auth) {
        io.restassured.RestAssured.requestSpecification = new io.restassured.builder.RequestSpecBuilder()
                .addHeader("Authorization", auth).build();
        try {
            return com.certcare.application.contract.ContractLifecycleTest
                    .draft(com.certcare.application.contract.ContractLifecycleTest.acceptedApplication("走查合同有限公司", "QMS"))
                    .getLong("id");
        } finally {
            io.restassured.RestAssured.requestSpecification = null;
        }
    }

    /** A DRAFT entered by staff, with a licence attached. */
    private static long draftApplication(String auth) {
        long id = given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(com.certcare.application.applying.Applicants.form("走查代填有限公司", "QMS")).when().post("/api/applications")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", auth)
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(TestFiles.pdf("walk")).fileName("licence.pdf")
                        .controlName("BUSINESS_LICENCE").mimeType("application/pdf").build())
                .when().post("/api/applications/" + id + "/attachments").then().statusCode(200);
        return id;
    }

    private static long publishedDocument(String auth) {
        long id = given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("kind", "FEE_SCHEDULE", "titleZh", "走查文件")).when().post("/api/documents")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", auth)
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(TestFiles.pdf("walk")).fileName("walk.pdf")
                        .controlName("file").mimeType("application/pdf").build())
                .multiPart("versionLabel", "1").multiPart("effectiveOn", "2026-01-01")
                .when().post("/api/documents/" + id + "/versions").then().statusCode(200);
        given().header("Authorization", auth).contentType(ContentType.JSON)
                .body(Map.of("kind", "FEE_SCHEDULE", "titleZh", "走查文件", "published", true, "version", version(auth, id)))
                .when().put("/api/documents/" + id).then().statusCode(200);
        return id;
    }

    private static int version(String auth, long id) {
        return given().header("Authorization", auth).when().get("/api/documents/" + id).then().statusCode(200)
                .extract().jsonPath().getInt("version");
    }
}
