package com.certcare.application.document;

import static com.certcare.application.document.DocumentLibraryTest.DOCUMENTS;
import static com.certcare.application.document.DocumentLibraryTest.create;
import static com.certcare.application.document.DocumentLibraryTest.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.certcare.application.TestFiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Bad uploads and descriptions get a problem naming the field, in the caller's language, and change nothing: no
 * version, no history, no stored file. (Tests run with {@code certcare.documents.max-bytes=256K}.)
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class UploadRefusedTest {

    @Test
    void aTextFileNamedPdfIsRefusedByItsBytesAndNothingChanges() {
        long id = create("FEE_SCHEDULE", "收费标准", null);
        State before = State.of(id);
        upload(id, "收费标准.pdf", TestFiles.text(), "application/pdf", "A/1", "2026-01-01", null)
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("file"))
                .body("errors[0].message", containsString("PDF"));
        given().header("Accept-Language", "en")
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(TestFiles.text()).fileName("fees.pdf")
                        .controlName("file").mimeType("application/pdf").build())
                .multiPart(DocumentLibraryTest.text("versionLabel", "A/1"))
                .multiPart(DocumentLibraryTest.text("effectiveOn", "2026-01-01"))
                .when().post(DOCUMENTS + "/" + id + "/versions").then().statusCode(400)
                .body("errors[0].message", equalTo("Only PDF or Word (DOCX) files are accepted, judged by their content, not their name"));
        // a ZIP that is not a Word document (a workbook), named .docx
        upload(id, "fees.docx", TestFiles.zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<x/>"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "A/1", "2026-01-01", null)
                .statusCode(400).body("errors.field", containsInAnyOrder("file"));
        assertEquals(before, State.of(id));
    }

    @Test
    void anEmptyFileAMissingFileAndBadFieldsAreNamedTogether() {
        long id = create("FEE_SCHEDULE", "收费标准", null);
        State before = State.of(id);
        upload(id, "empty.pdf", new byte[0], "application/pdf", null, "2026-13-45", "x".repeat(2001))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("file", "versionLabel", "effectiveOn", "changeNote"))
                .body("errors.find { it.field == 'file' }.message", equalTo("文件是空的"));
        given().multiPart(DocumentLibraryTest.text("versionLabel", "A/1"))
                .multiPart(DocumentLibraryTest.text("effectiveOn", "2026-01-01"))
                .when().post(DOCUMENTS + "/" + id + "/versions").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("file"));
        assertEquals(before, State.of(id));
    }

    @Test
    void aFileOverTheLimitIsA413NamingTheFile() {
        long id = create("FEE_SCHEDULE", "收费标准", null);
        State before = State.of(id);
        byte[] pdf = TestFiles.pdf("big");
        // just over the limit: read, then refused by its size
        byte[] big = Arrays.copyOf(pdf, 256 * 1024 + 1);
        upload(id, "big.pdf", big, "application/pdf", "A/1", "2026-01-01", null)
                .statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("file-too-large"))
                .body("errors.field", containsInAnyOrder("file"))
                .body("errors[0].message", equalTo("文件不能超过 0.25 MB"));
        // far over: refused by its declared length before the body is read
        byte[] huge = Arrays.copyOf(pdf, 2 * 1024 * 1024);
        upload(id, "huge.pdf", huge, "application/pdf", "A/1", "2026-01-01", null)
                .statusCode(413).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("file"));
        assertEquals(before, State.of(id));
        // other document paths keep the platform's 1 MB
        given().contentType(ContentType.JSON).body("{\"titleZh\":\"" + "x".repeat(1_100_000) + "\"}")
                .when().post(DOCUMENTS).then().statusCode(413).body("code", equalTo("body-too-large"));
    }

    @Test
    void anUnknownKindAMissingTitleAndAnUnknownDocumentAreProblems() {
        given().contentType(ContentType.JSON).body(Map.of("kind", "NEWSLETTER", "titleZh", "简报"))
                .when().post(DOCUMENTS).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("kind"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(Map.of("kind", "FEE_SCHEDULE", "titleZh", " "))
                .when().post(DOCUMENTS).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("titleZh"))
                .body("title", equalTo("Invalid request data"));
        given().contentType(ContentType.JSON).body(Map.of("titleEn", "x\u0000y"))
                .when().post(DOCUMENTS).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("kind", "titleZh", "titleEn"));
        upload(99999999L, "a.pdf", TestFiles.pdf("a"), "application/pdf", "A/1", "2026-01-01", null).statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("kind", "FEE_SCHEDULE", "titleZh", "x", "version", 0))
                .when().put(DOCUMENTS + "/99999999").then().statusCode(404);
    }

    /** What an upload could change: the document's row, its versions, its history, the stored files. */
    record State(int version, int versions, int history, long files) {
        static State of(long id) {
            var doc = given().when().get(DOCUMENTS + "/" + id).then().statusCode(200).extract().jsonPath();
            int history = given().when().get(DOCUMENTS + "/" + id + "/history").then().statusCode(200).extract()
                    .jsonPath().getInt("total");
            long files = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) Document
                    .getEntityManager().createNativeQuery("select count(*) from document_file").getSingleResult()).longValue());
            return new State(doc.getInt("version"), doc.getList("versions").size(), history, files);
        }
    }
}
