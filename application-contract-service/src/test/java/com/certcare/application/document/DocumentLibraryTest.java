package com.certcare.application.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.certcare.application.TestFiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import com.certcare.platform.storage.FileType;

/** Market keeps the library: describes a document, uploads versions (the latest is current), publishes, edits. */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class DocumentLibraryTest {

    static final String DOCUMENTS = "/api/documents";

    @Test
    void eachUploadBecomesTheCurrentVersionAndEveryVersionStaysReadable() {
        long id = create("FEE_SCHEDULE", "收费标准 2026", "Fee schedule 2026");
        byte[] first = TestFiles.pdf("fees v1");
        upload(id, "收费标准.pdf", first, "application/pdf", "A/1", "2026-01-01", "首次发布")
                .statusCode(200)
                .body("current.number", equalTo(1))
                .body("current.label", equalTo("A/1"))
                .body("current.contentType", equalTo("application/pdf"))
                .body("current.sha256", equalTo(TestFiles.sha256(first)))
                .body("current.size", equalTo(first.length))
                .body("current.fileName", equalTo("收费标准.pdf"));
        byte[] second = TestFiles.docx("收费标准第二版");
        // the declared type and name say PDF; the bytes say DOCX, and the bytes win
        upload(id, "收费标准-v2.pdf", second, "application/pdf", "A/2", "2026-07-01", "调整监督审核费用")
                .statusCode(200)
                .body("current.number", equalTo(2))
                .body("current.contentType", equalTo(FileType.DOCX.mediaType()))
                .body("current.fileName", equalTo("收费标准-v2.pdf.docx"))
                .body("versions.number", contains(2, 1))
                .body("versionCount", equalTo(2))
                .body("versions.current", contains(true, false));

        JsonPath detail = given().when().get(DOCUMENTS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("调整监督审核费用", detail.getString("versions[0].changeNote"));
        assertEquals("2026-01-01", detail.getString("versions[1].effectiveOn"));
        assertEquals("mei", detail.getString("versions[1].uploadedBy"));

        byte[] got = given().when().get(DOCUMENTS + "/" + id + "/versions/1/file").then().statusCode(200)
                .contentType("application/pdf")
                .header("ETag", "\"" + TestFiles.sha256(first) + "\"")
                .extract().asByteArray();
        assertArrayEquals(first, got, "version 1 is still there as uploaded");
        given().header("If-None-Match", "\"" + TestFiles.sha256(first) + "\"")
                .when().get(DOCUMENTS + "/" + id + "/versions/1/file").then().statusCode(304);
        given().when().get(DOCUMENTS + "/" + id + "/versions/3/file").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void publishingNeedsAVersionAndAStaleSaveIsRefused() {
        long id = create("IMPARTIALITY_POLICY", "公正性声明", null);
        int version = version(id);
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "IMPARTIALITY_POLICY", "titleZh", "公正性声明", "published", true, "version", version))
                .when().put(DOCUMENTS + "/" + id).then().statusCode(400)
                .body("errors.field", contains("published"));
        upload(id, "policy.pdf", TestFiles.pdf("impartiality"), "application/pdf", "1.0", "2026-03-01", null).statusCode(200);
        int afterUpload = version(id);
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "IMPARTIALITY_POLICY", "titleZh", "公正性政策", "titleEn", "Impartiality policy",
                        "published", true, "version", afterUpload))
                .when().put(DOCUMENTS + "/" + id).then().statusCode(200)
                .body("published", equalTo(true)).body("titleZh", equalTo("公正性政策"));
        // a second save with the version read before the first
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "IMPARTIALITY_POLICY", "titleZh", "别的标题", "version", afterUpload))
                .when().put(DOCUMENTS + "/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("stale"));
        given().when().get(DOCUMENTS + "/" + id).then().body("titleZh", equalTo("公正性政策"));
    }

    @Test
    void everyChangeIsInTheDocumentsHistory() {
        long id = create("CERTIFICATION_RULES", "认证规则", null);
        upload(id, "rules.pdf", TestFiles.pdf("rules"), "application/pdf", "B/0", "2026-02-01", "依据新版 CNCA 规则").statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "CERTIFICATION_RULES", "titleZh", "认证实施规则", "published", true, "version", version(id)))
                .when().put(DOCUMENTS + "/" + id).then().statusCode(200);

        JsonPath history = given().when().get(DOCUMENTS + "/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("认证实施规则", value(history, "document", "titleZh", "newValue"));
        assertEquals("认证规则", value(history, "document", "titleZh", "oldValue"));
        assertEquals("true", value(history, "document", "published", "newValue"));
        assertEquals("1", value(history, "document", "currentVersion", "newValue"));
        assertEquals("B/0", value(history, "version", "label", "newValue"));
        assertEquals("依据新版 CNCA 规则", value(history, "version", "label", "reason"));
        given().when().get(DOCUMENTS + "/" + id + "/history").then()
                .body("items.changedBy", hasItem("mei"))
                .body("items.field", hasItems("kind", "sha256", "fileName", "effectiveOn"));
    }

    @Test
    void theListFiltersByKindAndPublicationAndPages() {
        long draft = create("COMPLAINTS_AND_APPEALS", "投诉和申诉程序（草稿）", null);
        long published = create("COMPLAINTS_AND_APPEALS", "投诉和申诉程序", "Complaints and appeals");
        upload(published, "c.pdf", TestFiles.pdf("complaints"), "application/pdf", "1", "2026-01-01", null).statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "COMPLAINTS_AND_APPEALS", "titleZh", "投诉和申诉程序", "titleEn", "Complaints and appeals",
                        "published", true, "version", version(published)))
                .when().put(DOCUMENTS + "/" + published).then().statusCode(200);

        JsonPath kind = given().queryParam("kind", "COMPLAINTS_AND_APPEALS").queryParam("size", 200)
                .when().get(DOCUMENTS).then().statusCode(200).extract().jsonPath();
        assertEquals(true, kind.getList("items.id", Long.class).containsAll(java.util.List.of(draft, published)));
        assertEquals(true, kind.getList("items.kind", String.class).stream().allMatch("COMPLAINTS_AND_APPEALS"::equals));
        JsonPath onlyPublished = given().queryParam("kind", "COMPLAINTS_AND_APPEALS").queryParam("published", true)
                .queryParam("size", 200).when().get(DOCUMENTS).then().statusCode(200).extract().jsonPath();
        assertEquals(true, onlyPublished.getList("items.id", Long.class).contains(published));
        assertEquals(false, onlyPublished.getList("items.id", Long.class).contains(draft));
        given().queryParam("kind", "COMPLAINTS_AND_APPEALS").queryParam("published", false).queryParam("size", 200)
                .when().get(DOCUMENTS).then().statusCode(200)
                .body("items.find { it.id == " + draft + " }.current", nullValue());
        given().queryParam("size", 1).queryParam("sort", "titleZh,desc").when().get(DOCUMENTS).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("size", equalTo(1));
        given().queryParam("kind", "NONSENSE").when().get(DOCUMENTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("kind"));
        given().queryParam("sort", "sha256").when().get(DOCUMENTS).then().statusCode(400)
                .body("errors.field", contains("sort"));
    }

    @Test
    void uploadsAtTheSameTimeGetConsecutiveNumbersAndTheLastIsCurrent() throws Exception {
        long id = create("SCHEME_INTRODUCTION", "认证方案介绍", null);
        int uploads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(uploads);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                String label = "P" + i;
                answers.add(pool.submit(() -> upload(id, label + ".pdf", TestFiles.pdf(label), "application/pdf", label,
                        "2026-04-01", null).extract().statusCode()));
            }
            for (var answer : answers) {
                assertEquals(200, answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        JsonPath detail = given().when().get(DOCUMENTS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.List.of(4, 3, 2, 1), detail.getList("versions.number", Integer.class));
        assertEquals(4, detail.getInt("current.number"));
    }

    static long create(String kind, String titleZh, String titleEn) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", kind, "titleZh", titleZh));
        if (titleEn != null) {
            body.put("titleEn", titleEn);
        }
        return given().contentType(ContentType.JSON).body(body).when().post(DOCUMENTS).then().statusCode(201)
                .body("published", equalTo(false)).body("versions.size()", equalTo(0))
                .extract().jsonPath().getLong("id");
    }

    static io.restassured.response.ValidatableResponse upload(long id, String fileName, byte[] bytes, String type,
            String label, String effectiveOn, String note) {
        var request = given().config(TestFiles.browserMultipart()).multiPart(new io.restassured.builder.MultiPartSpecBuilder(bytes).fileName(fileName)
                .controlName("file").mimeType(type).build());
        if (label != null) {
            request = request.multiPart(text("versionLabel", label));
        }
        if (effectiveOn != null) {
            request = request.multiPart(text("effectiveOn", effectiveOn));
        }
        if (note != null) {
            request = request.multiPart(text("changeNote", note));
        }
        return request.when().post(DOCUMENTS + "/" + id + "/versions").then();
    }

    static io.restassured.specification.MultiPartSpecification text(String name, String value) {
        return new io.restassured.builder.MultiPartSpecBuilder(value).controlName(name).mimeType("text/plain")
                .charset("UTF-8").build();
    }

    static int version(long id) {
        return given().when().get(DOCUMENTS + "/" + id).then().statusCode(200).extract().jsonPath().getInt("version");
    }

    private static String value(JsonPath history, String entity, String field, String what) {
        return history.getString("items.find { it.entity == '" + entity + "' && it.field == '" + field + "' }." + what);
    }
}
