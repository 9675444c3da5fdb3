package com.certcare.feedback.attachment;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.LEADER;
import static com.certcare.feedback.item.Feedback.MARKET;
import static com.certcare.feedback.item.Feedback.SCHED;
import static com.certcare.feedback.item.Feedback.TECH;
import static com.certcare.feedback.item.Feedback.as;
import static com.certcare.feedback.item.Feedback.post;
import static com.certcare.feedback.item.Feedback.step;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.certcare.feedback.item.Feedback;
import com.certcare.testsupport.SampleFiles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.ValidatableResponse;

/**
 * Files on items (tests run with max-bytes 256K and max-per-item 3): what is uploaded comes back byte for byte with
 * its SHA-256, the type told from the bytes, a clean UTF-8 name, and the item's history shows it; bad uploads are a
 * problem naming {@code file} in zh-CN and en and store nothing; a department reaches only its own items' files (404
 * as for an item that does not exist), an auditor attaches only to what they posted and reads nothing; a closed item
 * takes no file.
 */
@QuarkusTest
public class FeedbackAttachmentTest {

    static final String AUDITOR = "audi";

    static String attachments(long id) {
        return ITEMS + "/" + id + "/attachments";
    }

    public static ValidatableResponse upload(String user, long id, String fileName, byte[] bytes, String declaredType) {
        return as(user).config(SampleFiles.browserMultipart())
                .multiPart(new MultiPartSpecBuilder(bytes).fileName(fileName).controlName("file").mimeType(declaredType).build())
                .when().post(attachments(id)).then();
    }

    @Test
    void anUploadedFileComesBackByteForByteAndTheHistoryShowsIt() {
        long id = post(TECH, "AFTER_SALES").getLong("id");
        int version = Feedback.version(id);
        byte[] pdf = SampleFiles.pdf("rectification report");
        String sha = SampleFiles.sha256(pdf);
        var attached = upload(TECH, id, "C:\\扫描件\\整改报告.pdf", pdf, "application/octet-stream").statusCode(201)
                .header("Location", containsString(attachments(id) + "/"))
                .body("itemId", equalTo((int) id)).body("fileName", equalTo("整改报告.pdf"))
                .body("mediaType", equalTo("application/pdf")).body("size", equalTo(pdf.length))
                .body("sha256", equalTo(sha)).body("uploadedBy", equalTo(TECH))
                .extract().jsonPath();
        long attachmentId = attached.getLong("id");
        // the type is the bytes', whatever the name says
        upload(MARKET, id, "scan.pdf", SampleFiles.png(), "application/pdf").statusCode(201)
                .body("mediaType", equalTo("image/png")).body("fileName", equalTo("scan.pdf.png"));

        as(MARKET).get(attachments(id)).then().statusCode(200).body("", hasSize(2))
                .body("[0].id", equalTo((int) attachmentId)).body("[0].fileName", equalTo("整改报告.pdf"))
                .body("[1].uploadedBy", equalTo(MARKET));
        var download = as(LEADER).get(attachments(id) + "/" + attachmentId).then().statusCode(200)
                .contentType("application/pdf")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Length", String.valueOf(pdf.length))
                .header("Content-Disposition", startsWith("attachment; filename=\"feedback-" + id + "-attachment-" + attachmentId + ".pdf\""))
                .header("Content-Disposition", containsString("filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A.pdf"))
                .extract().asByteArray();
        assertArrayEquals(pdf, download);
        assertEquals(sha, SampleFiles.sha256(download));

        as(MARKET).get(ITEMS + "/" + id + "/history").then().statusCode(200)
                .body("items.findAll { it.field == 'attachment' }", hasSize(2))
                .body("items.find { it.field == 'attachment' && it.changedBy == 'tech' }.newValue",
                        startsWith("整改报告.pdf (application/pdf, " + pdf.length + " B, SHA-256 " + sha));
        // an attachment does not make anyone's open step stale
        assertEquals(version, Feedback.version(id));
    }

    @Test
    void badUploadsNameTheFileInChineseAndEnglishAndStoreNothing() {
        long id = post(TECH, "OPINION").getLong("id");
        State before = State.of(id);
        // no file part
        as(TECH).multiPart("note", "没有文件").when().post(attachments(id)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("file")))
                .body("errors[0].message", equalTo("必填"));
        upload(TECH, id, "empty.pdf", new byte[0], "application/pdf").statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("file")))
                .body("errors[0].message", equalTo("文件是空的"));
        upload(TECH, id, "说明.pdf", SampleFiles.text(), "application/pdf").statusCode(400)
                .body("errors.field", equalTo(List.of("file")))
                .body("errors[0].message", containsString("PNG"));
        as(TECH).header("Accept-Language", "en").config(SampleFiles.browserMultipart())
                .multiPart(new MultiPartSpecBuilder(SampleFiles.zip("a.txt", "x")).fileName("a.docx").controlName("file").build())
                .when().post(attachments(id)).then().statusCode(400)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo("Only PDF, Word (DOCX), PNG or JPEG files are accepted, judged by their content, not their name"));
        // just over the limit: read, then refused by its size; far over: refused by its declared length unread
        byte[] pdf = SampleFiles.pdf("big");
        upload(TECH, id, "big.pdf", Arrays.copyOf(pdf, 256 * 1024 + 1), "application/pdf").statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("file-too-large"))
                .body("errors.field", equalTo(List.of("file"))).body("errors[0].message", equalTo("文件不能超过 0.25 MB"));
        as(TECH).header("Accept-Language", "en").config(SampleFiles.browserMultipart())
                .multiPart(new MultiPartSpecBuilder(Arrays.copyOf(pdf, 2 * 1024 * 1024)).fileName("huge.pdf").controlName("file").build())
                .when().post(attachments(id)).then().statusCode(413)
                .body("errors.field", equalTo(List.of("file"))).body("errors[0].message", equalTo("The file may be at most 0.25 MB"));
        assertEquals(before, State.of(id));

        // the item's limit: three files, the fourth refused
        for (int i = 1; i <= 3; i++) {
            upload(TECH, id, "第" + i + "份.pdf", SampleFiles.pdf("file " + i), "application/pdf").statusCode(201);
        }
        State three = State.of(id);
        upload(TECH, id, "第4份.pdf", SampleFiles.pdf("file 4"), "application/pdf").statusCode(400)
                .body("errors.field", equalTo(List.of("file"))).body("errors[0].message", equalTo("每个事项最多 3 个附件"));
        assertEquals(three, State.of(id));
        assertEquals(before.files() + 3, three.files());
    }

    @Test
    void aDepartmentReachesOnlyItsOwnItemsFilesAndAnAuditorOnlyAttachesToWhatTheyPosted() {
        long techs = post(TECH, "OPINION").getLong("id");
        long attachment = upload(TECH, techs, "记录.pdf", SampleFiles.pdf("tech"), "application/pdf").statusCode(201)
                .extract().jsonPath().getLong("id");
        State before = State.of(techs);
        // another department: every endpoint answers as for an item that does not exist
        upload(SCHED, techs, "越权.pdf", SampleFiles.pdf("sched"), "application/pdf").statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"));
        as(SCHED).get(attachments(techs)).then().statusCode(404).body("code", equalTo("not-found"));
        as(SCHED).get(attachments(techs) + "/" + attachment).then().statusCode(404).body("code", equalTo("not-found"));
        as(SCHED).get(attachments(999_999_999L)).then().statusCode(404).body("code", equalTo("not-found"));
        assertEquals(before, State.of(techs));
        // an attachment is reached only through its own item
        long scheds = post(SCHED, "OPINION").getLong("id");
        as(SCHED).get(attachments(scheds) + "/" + attachment).then().statusCode(404);
        as(MARKET).get(attachments(scheds) + "/" + attachment).then().statusCode(404);
        as(MARKET).get(attachments(techs) + "/999999999").then().statusCode(404).body("code", equalTo("not-found"));

        // assigned to audit-scheduling, the item becomes theirs too
        step(MARKET, techs, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "audit-scheduling"));
        as(SCHED).get(attachments(techs)).then().statusCode(200).body("", hasSize(1));
        as(SCHED).get(attachments(techs) + "/" + attachment).then().statusCode(200);
        upload(SCHED, techs, "处理记录.pdf", SampleFiles.pdf("sched"), "application/pdf").statusCode(201);

        // an auditor attaches to what they posted, nothing else, and reads nothing
        long audits = post(AUDITOR, "OPINION").getLong("id");
        upload(AUDITOR, audits, "现场照片.jpg", new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10 },
                "image/jpeg").statusCode(201).body("mediaType", equalTo("image/jpeg"));
        upload(AUDITOR, techs, "越权.pdf", SampleFiles.pdf("audi"), "application/pdf").statusCode(404);
        as(AUDITOR).get(attachments(audits)).then().statusCode(403);
        as(AUDITOR).get(attachments(audits) + "/1").then().statusCode(403);
        as(MARKET).get(attachments(audits)).then().statusCode(200).body("[0].uploadedBy", equalTo(AUDITOR));
    }

    @Test
    void aClosedItemTakesNoNewFileButItsFilesStayReadable() {
        long id = post(TECH, "OPINION").getLong("id");
        upload(TECH, id, "前.pdf", SampleFiles.pdf("before"), "application/pdf").statusCode(201);
        step(MARKET, id, "triage", Map.of("class", "A_UNREASONABLE", "explanation", "不属于认证服务范围，已向客户解释"));
        step(MARKET, id, "close", Map.of());
        State closed = State.of(id);
        upload(MARKET, id, "后.pdf", SampleFiles.pdf("after"), "application/pdf").statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("item-closed"));
        as(TECH).header("Accept-Language", "en").config(SampleFiles.browserMultipart())
                .multiPart(new MultiPartSpecBuilder(SampleFiles.pdf("after")).fileName("after.pdf").controlName("file").build())
                .when().post(attachments(id)).then().statusCode(409).body("title", equalTo("Item closed"));
        assertEquals(closed, State.of(id));
        as(TECH).get(attachments(id)).then().statusCode(200).body("", hasSize(1));
    }

    /** What an upload could change: the item's files, its history, the stored bytes. */
    record State(int listed, int history, long files) {
        static State of(long id) {
            int listed = as(MARKET).get(attachments(id)).then().statusCode(200).extract().jsonPath().getList("").size();
            int history = as(MARKET).get(ITEMS + "/" + id + "/history").then().statusCode(200).extract().jsonPath()
                    .getInt("total");
            long files = QuarkusTransaction.requiringNew().call(() -> ((Number) FeedbackAttachment.getEntityManager()
                    .createNativeQuery("select count(*) from document_file").getSingleResult()).longValue());
            return new State(listed, history, files);
        }
    }
}
