package com.certcare.application.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.certcare.application.TestFiles;
import com.certcare.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Anyone, without a token, sees the current version of each published document and downloads it, cache-friendly. */
@QuarkusTest
class PublicDocumentsTest {

    private static final String MARKET = "Bearer " + Tokens.forUser("mei", "market");

    @Test
    void thePublicListShowsTheCurrentVersionOfPublishedDocumentsOnly() {
        long published = publishedDocument("证书和标志使用规则", TestFiles.pdf("marks v1"));
        byte[] v2 = TestFiles.pdf("marks v2");
        upload(published, "证书和标志使用规则（第2版）.pdf", v2);
        long unpublished = create("SCHEME_INTRODUCTION", "认证方案介绍（未发布）");
        upload(unpublished, "scheme.pdf", TestFiles.pdf("scheme"));

        Response answer = given().when().get("/api/public/documents");
        answer.then().statusCode(200).header("Cache-Control", "public, max-age=300");
        JsonPath list = answer.jsonPath();
        List<Long> ids = list.getList("id", Long.class);
        assertTrue(ids.contains(published));
        assertFalse(ids.contains(unpublished), "an unpublished document is not public");
        String at = "find { it.id == " + published + " }.";
        assertEquals(2, list.getInt(at + "versionNumber"));
        assertEquals(TestFiles.sha256(v2), list.getString(at + "sha256"));
        assertEquals(v2.length, list.getInt(at + "size"));
        assertEquals("CERTIFICATE_AND_MARK_USE", list.getString(at + "kind"));
        assertEquals("/api/public/documents/" + published + "/file", list.getString(at + "downloadUrl"));
        assertEquals("2026-05-01", list.getString(at + "effectiveOn"));

        // the list is cache-friendly too: a weak ETag over what it shows, 304 until a document changes
        String listTag = answer.header("ETag");
        assertTrue(listTag.startsWith("W/\""), listTag);
        given().header("If-None-Match", listTag).when().get("/api/public/documents").then().statusCode(304)
                .header("ETag", listTag);
        upload(published, "第3版.pdf", TestFiles.pdf("marks v3"));
        given().header("If-None-Match", listTag).when().get("/api/public/documents").then().statusCode(200);

        given().when().get("/api/public/documents/" + unpublished + "/file").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/public/documents/99999999/file").then().statusCode(404);
    }

    @Test
    void theDownloadIsTheCurrentFileWithAStrongEtagAndAUtf8Name() {
        byte[] v1 = TestFiles.pdf("appeals v1");
        long id = publishedDocument("投诉和申诉程序", v1);
        String etag = "\"" + TestFiles.sha256(v1) + "\"";

        Response download = given().when().get("/api/public/documents/" + id + "/file");
        download.then().statusCode(200)
                .contentType("application/pdf")
                .header("ETag", etag)
                .header("Cache-Control", "public, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Length", String.valueOf(v1.length))
                .header("Content-Disposition", startsWith("attachment; filename=\"document-" + id + "-v1.pdf\"; filename*=UTF-8''"));
        assertArrayEquals(v1, download.asByteArray());
        String disposition = download.header("Content-Disposition");
        assertEquals("证书 规则.pdf", java.net.URLDecoder.decode(
                disposition.substring(disposition.indexOf("''") + 2).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));

        given().header("If-None-Match", etag).when().get("/api/public/documents/" + id + "/file").then()
                .statusCode(304).header("ETag", etag).header("Cache-Control", "public, max-age=300");
        given().header("If-None-Match", "W/" + etag + ", \"other\"").when().get("/api/public/documents/" + id + "/file")
                .then().statusCode(304);

        byte[] v2 = TestFiles.pdf("appeals v2");
        upload(id, "v2.pdf", v2);
        Response changed = given().header("If-None-Match", etag).when().get("/api/public/documents/" + id + "/file");
        changed.then().statusCode(200).header("ETag", "\"" + TestFiles.sha256(v2) + "\"");
        assertArrayEquals(v2, changed.asByteArray(), "a new version replaces what the cache holds");
    }

    @Test
    void thePublicPathsNeedNoTokenAndTheStaffPathsDo() {
        given().when().get("/api/public/documents").then().statusCode(200);
        given().when().get("/api/documents").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.forUser("dora", "department")).when().get("/api/documents")
                .then().statusCode(403).contentType("application/problem+json");
        for (String reader : List.of("leader", "auditor", "admin")) {
            String token = "Bearer " + Tokens.forUser("r", reader);
            given().header("Authorization", token).when().get("/api/documents").then().statusCode(200);
            given().header("Authorization", token).contentType(ContentType.JSON)
                    .body(Map.of("kind", "FEE_SCHEDULE", "titleZh", "不该创建"))
                    .when().post("/api/documents").then().statusCode(403);
        }
    }

    private static long publishedDocument(String title, byte[] pdf) {
        long id = create("CERTIFICATE_AND_MARK_USE", title);
        upload(id, "证书 规则.pdf", pdf);
        int version = given().header("Authorization", MARKET).when().get("/api/documents/" + id).then().statusCode(200)
                .extract().jsonPath().getInt("version");
        given().header("Authorization", MARKET).contentType(ContentType.JSON)
                .body(Map.of("kind", "CERTIFICATE_AND_MARK_USE", "titleZh", title, "published", true, "version", version))
                .when().put("/api/documents/" + id).then().statusCode(200);
        return id;
    }

    private static long create(String kind, String title) {
        return given().header("Authorization", MARKET).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "titleZh", title))
                .when().post("/api/documents").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void upload(long id, String name, byte[] pdf) {
        given().header("Authorization", MARKET).config(TestFiles.browserMultipart())
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(pdf).fileName(name).controlName("file")
                        .mimeType("application/pdf").build())
                .multiPart(DocumentLibraryTest.text("versionLabel", "V"))
                .multiPart(DocumentLibraryTest.text("effectiveOn", "2026-05-01"))
                .when().post("/api/documents/" + id + "/versions").then().statusCode(200);
    }
}
