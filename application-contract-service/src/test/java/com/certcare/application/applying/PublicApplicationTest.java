package com.certcare.application.applying;

import static com.certcare.application.applying.Applicants.PUBLIC;
import static com.certcare.application.applying.Applicants.SECRET;
import static com.certcare.application.applying.Applicants.counts;
import static com.certcare.application.applying.Applicants.form;
import static com.certcare.application.applying.Applicants.json;
import static com.certcare.application.applying.Applicants.licence;
import static com.certcare.application.applying.Applicants.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.application.TestFiles;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The public form 16-01 without a login: a submission with its licence gets a reference and a secret that open the
 * status page; every bad submission is a problem naming the field and stores nothing. (Tests run with
 * {@code max-attachment-bytes=128K}, {@code max-total-bytes=256K}.)
 */
@QuarkusTest
class PublicApplicationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void submitsWithALicenceAndOpensTheStatusPageWithReferenceAndSecret() {
        var body = submit(form("杭州示例制造有限公司", "QMS"), licence()).statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("reference", matchesPattern("SQ-\\d{4}-\\d{5}"))
                .extract().jsonPath();
        String reference = body.getString("reference");
        String secret = body.getString("secret");
        assertTrue(secret.length() >= 43, "256 bits in URL-safe Base64: " + secret);
        // stored hashed, never as sent
        List<String> stored = Applicants.query(db, "select secret_hash from application where reference = '" + reference + "'");
        assertEquals(TestFiles.sha256(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)), stored.get(0));
        assertFalse(Applicants.query(db, "select count(*) from application where secret_hash = '" + secret + "'").get(0).equals("1"));

        given().header(SECRET, secret).when().get(PUBLIC + "/" + reference).then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("status", equalTo("SUBMITTED"))
                .body("name", equalTo("杭州示例制造有限公司"))
                .body("schemes", contains("QMS"))
                .body("submittedAt", notNullValue())
                .body("decisionReasons", nullValue())
                .body("attachments.kind", contains("BUSINESS_LICENCE"))
                .body("attachments.fileName", contains("营业执照.pdf"))
                .body("thread.size()", equalTo(0));
        long id = Applicants.idOf(db, reference);
        assertEquals("1", Applicants.query(db, "select count(*) from application_attachment a join document_file f on f.id = a.file_key"
                + " where a.application_id = " + id + " and a.content_type = 'application/pdf'").get(0));
        assertEquals("1", Applicants.query(db, "select count(*) from outbox_event where topic = 'applications'"
                + " and aggregate_key = '" + reference + "' and type = 'ApplicationSubmitted'").get(0));
    }

    @Test
    void referencesFollowOneAnotherWithoutGaps() {
        String first = Applicants.submitted("连号甲有限公司").get("reference");
        String second = Applicants.submitted("连号乙有限公司").get("reference");
        assertEquals(Integer.parseInt(first.substring(first.lastIndexOf('-') + 1)) + 1,
                Integer.parseInt(second.substring(second.lastIndexOf('-') + 1)));
    }

    @Test
    void submissionsAtOnceGetUniqueReferencesWithoutGaps() throws Exception {
        int n = 6;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<String>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "并发" + i + "有限公司";
                futures.add(pool.submit(() -> Applicants.submitted(name).get("reference")));
            }
            java.util.TreeSet<Integer> numbers = new java.util.TreeSet<>();
            for (var f : futures) {
                String ref = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                numbers.add(Integer.parseInt(ref.substring(ref.lastIndexOf('-') + 1)));
            }
            assertEquals(n, numbers.size(), "unique: " + numbers);
            assertEquals(n - 1, numbers.last() - numbers.first(), "without gaps: " + numbers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFormTellsSchemesProvincesRequiredAttachmentsGuidanceAndLimits() {
        given().when().get(PUBLIC + "/form").then().statusCode(200)
                .body("formNumber", equalTo("ZLCX-16-01"))
                .body("language", equalTo("zh-CN"))
                .body("schemes.find { it.code == 'QMS' }.requiredAttachments", contains("BUSINESS_LICENCE"))
                .body("schemes.find { it.code == 'FSMS' }.requiredAttachments", contains("BUSINESS_LICENCE", "PERMIT"))
                .body("schemes.find { it.code == 'QMS' }.name", equalTo("质量管理体系"))
                .body("provinces.find { it.code == '330000' }.nameZh", equalTo("浙江省"))
                .body("guidance.creditCode", equalTo("18 位统一社会信用代码，见营业执照。"))
                .body("limits.maxAttachmentBytes", equalTo(128 * 1024))
                .body("limits.acceptedTypes", hasItem("image/png"));
        given().header("Accept-Language", "en").when().get(PUBLIC + "/form").then().statusCode(200)
                .body("language", equalTo("en"))
                .body("schemes.find { it.code == 'QMS' }.name", equalTo("Quality management system"))
                .body("guidance.creditCode", equalTo("The 18-character unified social credit code on the business licence."));
    }

    @Test
    void aDisguisedFileIsJudgedByItsBytes() {
        Map<String, String> before = counts(db);
        // text named .pdf: refused, naming the attachment's kind
        submit(form("伪装文件有限公司", "QMS"), new Applicants.Part("BUSINESS_LICENCE", "licence.pdf", TestFiles.text()))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("attachments.BUSINESS_LICENCE"))
                .body("errors[0].message", equalTo("只接受 PDF、Word（DOCX）、PNG 或 JPEG 文件；按文件内容判断，与文件名无关"));
        assertEquals(before, counts(db));
        // a PNG scan named .pdf is taken as what its bytes are: a PNG
        String reference = submit(form("扫描件有限公司", "QMS"), new Applicants.Part("BUSINESS_LICENCE", "licence.pdf", png()))
                .statusCode(201).extract().jsonPath().getString("reference");
        long id = Applicants.idOf(db, reference);
        assertEquals("image/png|licence.pdf.png", Applicants.query(db,
                "select content_type || '|' || file_name from application_attachment where application_id = " + id).get(0));
    }

    @Test
    void aMissingRequiredAttachmentIsNamedAndNothingIsStored() {
        Map<String, String> before = counts(db);
        submit(form("缺少执照有限公司", "QMS")).statusCode(400)
                .body("errors.field", containsInAnyOrder("attachments.BUSINESS_LICENCE"))
                .body("errors[0].message", equalTo("所选认证领域要求提供此附件"));
        // food safety also needs the permit
        given().header("Accept-Language", "en").config(TestFiles.browserMultipart())
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(json(form("食品有限公司", "QMS", "FSMS")))
                        .controlName("application").mimeType("text/plain").charset("UTF-8").build())
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(TestFiles.pdf("l")).fileName("l.pdf")
                        .controlName("BUSINESS_LICENCE").mimeType("application/pdf").build())
                .when().post(PUBLIC).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("attachments.PERMIT"))
                .body("errors[0].message", equalTo("The schemes chosen require this attachment"));
        assertEquals(before, counts(db));
    }

    @Test
    void anInvalidCreditCodeAndOtherBadFieldsAreNamedAtOnce() {
        Map<String, String> before = counts(db);
        Map<String, Object> bad = form("校验位错误有限公司", "QMS", "NOPE");
        bad.put("creditCode", "91350100M000100Y44");
        bad.put("provinceCode", "990000");
        bad.put("postalCode", "12345");
        bad.put("contactPhone", "12345");
        bad.put("headCount", 0);
        bad.put("consultancyName", null);
        bad.put("scope", " ");
        submit(bad, licence()).statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("creditCode", "provinceCode", "postalCode", "contactPhone",
                        "schemes[1]", "headCount", "consultancyName", "scope"))
                .body("errors.find { it.field == 'creditCode' }.message", equalTo("统一社会信用代码校验位不符（按前 17 位应为 3）"));
        Map<String, Object> malformed = form("格式错误有限公司", "QMS");
        malformed.put("creditCode", "ABC");
        submit(malformed, licence()).statusCode(400).body("errors.field", containsInAnyOrder("creditCode"));
        // no application part, or one that is not JSON
        Applicants.multipart(null, licence()).when().post(PUBLIC).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("application"));
        Applicants.multipart("{\"name\": 5, \"headCount\": \"many\"}", licence()).when().post(PUBLIC).then().statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("application")));
        Applicants.multipart("not json", licence()).when().post(PUBLIC).then().statusCode(400)
                .body("errors.field", contains("application"));
        assertEquals(before, counts(db));
    }

    @Test
    void aFileOverTheLimitIsA413NamingItAndNothingIsStored() {
        Map<String, String> before = counts(db);
        byte[] big = Arrays.copyOf(TestFiles.pdf("big"), 128 * 1024 + 1);
        submit(form("大文件有限公司", "QMS"), new Applicants.Part("BUSINESS_LICENCE", "big.pdf", big)).statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("file-too-large"))
                .body("errors.field", contains("attachments.BUSINESS_LICENCE"));
        // far beyond the whole form's limit (refused by its declared length when the sender declares one)
        byte[] huge = Arrays.copyOf(TestFiles.pdf("huge"), 600 * 1024);
        submit(form("超大文件有限公司", "QMS"), new Applicants.Part("BUSINESS_LICENCE", "huge.pdf", huge)).statusCode(413)
                .body("code", equalTo("file-too-large"))
                .body("errors.field", contains(org.hamcrest.Matchers.startsWith("attachments")));
        // too many files
        Applicants.Part[] six = new Applicants.Part[6];
        Arrays.fill(six, licence());
        submit(form("文件太多有限公司", "QMS"), six).statusCode(400).body("errors.field", contains("attachments"));
        assertEquals(before, counts(db));
    }

    @Test
    void aBodyDeclaredBeyondTheFormsLimitIsRefusedBeforeItIsRead() throws Exception {
        Map<String, String> before = counts(db);
        // 256K of files + 256K of room: a declared 600K body is refused from its Content-Length alone
        byte[] body = new byte[600 * 1024];
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + PUBLIC))
                .header("Content-Type", "multipart/form-data; boundary=x").header("Accept-Language", "en")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        io.restassured.path.json.JsonPath problem = io.restassured.path.json.JsonPath.from(response.body());
        assertEquals("file-too-large", problem.getString("code"));
        assertEquals(List.of("attachments"), problem.getList("errors.field"));
        assertEquals("All attachments together may be at most 0.25 MB", problem.getString("errors[0].message"));
        assertEquals(before, counts(db));
    }

    @Test
    void aWrongSecretAnswersExactlyAsAnUnknownReference() {
        Map<String, String> app = Applicants.submitted("保密测试有限公司");
        String reference = app.get("reference");
        ExtractableResponse<Response> wrong = given().header(SECRET, "x" + app.get("secret")).when().get(PUBLIC + "/" + reference)
                .then().statusCode(404).contentType("application/problem+json").extract();
        ExtractableResponse<Response> none = given().when().get(PUBLIC + "/" + reference).then().statusCode(404).extract();
        String unknownRef = "SQ-1999-99999";
        ExtractableResponse<Response> unknown = given().header(SECRET, app.get("secret")).when().get(PUBLIC + "/" + unknownRef)
                .then().statusCode(404).extract();
        Map<String, Object> a = wrong.jsonPath().getMap("");
        Map<String, Object> b = unknown.jsonPath().getMap("");
        Map<String, Object> c = none.jsonPath().getMap("");
        for (Map<String, Object> m : List.of(a, b, c)) {
            m.remove("requestId");
            m.remove("instance");
        }
        assertEquals(a.keySet(), b.keySet());
        assertEquals(a.get("type"), b.get("type"));
        assertEquals(a.get("title"), b.get("title"));
        assertEquals(a, c);
        assertEquals(String.valueOf(a.get("detail")).replace(reference, "REF"), String.valueOf(b.get("detail")).replace(unknownRef, "REF"));
        // nor may a secret open another application
        Map<String, String> other = Applicants.submitted("另一家有限公司");
        given().header(SECRET, app.get("secret")).when().get(PUBLIC + "/" + other.get("reference")).then().statusCode(404);
        given().header(SECRET, other.get("secret")).when().get(PUBLIC + "/" + other.get("reference")).then().statusCode(200)
                .body("attachments.size()", greaterThanOrEqualTo(1));
    }

    /** A 1×1 PNG. */
    static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    }
}
