package com.certcare.customer.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.certcare.customer.TestData;
import com.certcare.testsupport.Tokens;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The public directory and certificate check (4.10.2; 17021-1 8.1.2), anonymous: what is listed and what never is,
 * a restricted client left out but still verifiable, statuses as of today, caching, QR codes that decode to the
 * verification page.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicDirectoryTest {

    private final String tag = TestData.tag();
    private long listed;
    private long secret;
    private boolean loaded;

    /** A market user's request (the public endpoints need none). */
    private static RequestSpecification market() {
        return given().header("Authorization", "Bearer " + Tokens.forUser("mei", "market"));
    }

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        listed = customer(tag + "杭州星澜精密有限公司", "330000", "13700000001");
        certification(listed, TestData.certification("QMS").valid("QMS-" + tag + "-1", LocalDate.of(2026, 3, 1)));
        certification(listed, TestData.certification("EMS").valid("EMS-" + tag + "-2", LocalDate.of(2025, 6, 1))
                .with("applicationAcceptedOn", "2025-03-01").with("auditDates", Map.of("stage1", "2025-04-01", "stage2", "2025-05-01")));
        certification(listed, TestData.certification("OHSMS")); // applying: no certificate yet
        secret = customer(tag + "保密军工配套有限公司", "110000", "13700000002");
        certification(secret, TestData.certification("QMS").valid("QMS-" + tag + "-3", LocalDate.of(2026, 1, 5))
                .with("auditDates", Map.of("stage1", "2025-12-01", "stage2", "2025-12-20")).with("applicationAcceptedOn", "2025-11-01"));
        long old = customer(tag + "过期旧证有限公司", "320000", "13700000003");
        certification(old, TestData.certification("QMS").valid("QMS-" + tag + "-4", LocalDate.of(2020, 1, 1))
                .with("applicationAcceptedOn", "2019-10-01").with("auditDates", Map.of("stage1", "2019-11-01", "stage2", "2019-12-01")));
    }

    private long customer(String name, String province, String phone) {
        return market().contentType(ContentType.JSON)
                .body(TestData.customer(name).with("provinceCode", province)
                        .with("contacts", List.of(Map.of("name", "联系人" + phone, "phone", phone, "primary", true))))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long certification(long customerId, Map<String, Object> body) {
        return market().contentType(ContentType.JSON).body(body)
                .when().post("/api/customers/" + customerId + "/certifications").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void listsLiveCertificatesWithNothingPrivate() {
        var page = given().queryParam("q", tag).when().get("/api/public/directory").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300").header("ETag", startsWith("W/\""))
                .body("total", is(3))
                // newest issue first; the 2020 certificate expired in 2022 and the applying record has no certificate
                .body("items.certificateNo", contains("QMS-" + tag + "-1", "QMS-" + tag + "-3", "EMS-" + tag + "-2"))
                .body("items[0].clientName", equalTo(tag + "杭州星澜精密有限公司"))
                .body("items[0].scope", equalTo("软件开发及信息技术服务"))
                .body("items[0].status", equalTo("VALID"))
                .extract().asString();
        for (String secretField : new String[] { "13700000001", "联系人", "creditCode", "Fee", "grade", "contacts" }) {
            assertTrue(!page.contains(secretField), "the directory shows " + secretField);
        }
        // a contact's phone number finds nothing: the public search reads names and certificate numbers only
        given().queryParam("q", "13700000001").when().get("/api/public/directory").then().body("total", is(0));
    }

    @Test
    void searchesNamesAndNumbersAsTypedAndFilters() {
        given().queryParam("q", tag + " 星澜 精密").when().get("/api/public/directory").then()
                .body("items.certificateNo", contains("QMS-" + tag + "-1", "EMS-" + tag + "-2"));
        given().queryParam("q", "ｑｍｓ－" + tag.toLowerCase() + "－１").when().get("/api/public/directory").then()
                .body("items.certificateNo", contains("QMS-" + tag + "-1"));
        given().queryParam("q", tag).queryParam("scheme", "ems").when().get("/api/public/directory").then()
                .body("items.certificateNo", contains("EMS-" + tag + "-2"));
        given().queryParam("q", tag).queryParam("province", "110000").when().get("/api/public/directory").then()
                .body("items.certificateNo", contains("QMS-" + tag + "-3")).body("total", is(1));
        given().queryParam("q", tag).queryParam("size", 2).queryParam("page", 2).when().get("/api/public/directory")
                .then().body("items.certificateNo", contains("EMS-" + tag + "-2")).body("total", is(3));
        given().queryParam("size", 51).header("Accept-Language", "en").when().get("/api/public/directory").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().queryParam("q", "x".repeat(101)).when().get("/api/public/directory").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void aRestrictedClientIsLeftOutButItsCertificateStaysVerifiable() {
        market().when().get("/api/customers/" + secret + "/directory-restriction").then().statusCode(200)
                .body("restricted", is(false));
        // the whole directory's total (counted without the clients' rows) and a province's (with them)
        int everyone = given().when().get("/api/public/directory").then().statusCode(200).extract().path("total");
        int beijing = given().queryParam("province", "110000").when().get("/api/public/directory").then()
                .statusCode(200).extract().path("total");
        market().contentType(ContentType.JSON).body(Map.of("reason", " ")).when()
                .put("/api/customers/" + secret + "/directory-restriction").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        market().contentType(ContentType.JSON).when().put("/api/customers/" + secret + "/directory-restriction").then()
                .statusCode(400);
        given().header("Authorization", "Bearer " + Tokens.forUser("audi", "auditor")).contentType(ContentType.JSON)
                .body(Map.of("reason", "x")).when().put("/api/customers/" + secret + "/directory-restriction").then()
                .statusCode(403);
        market().contentType(ContentType.JSON).body(Map.of("reason", "客户书面申请（涉密单位）")).when()
                .put("/api/customers/" + secret + "/directory-restriction").then().statusCode(200)
                .body("restricted", is(true)).body("restrictedBy", equalTo("mei"));
        given().queryParam("q", tag).when().get("/api/public/directory").then()
                .body("items.certificateNo", not(hasItem("QMS-" + tag + "-3"))).body("total", is(2));
        given().queryParam("q", tag).queryParam("province", "110000").when().get("/api/public/directory").then()
                .body("items", empty()).body("total", is(0));
        given().queryParam("q", tag).queryParam("province", "330000").when().get("/api/public/directory").then()
                .body("total", is(2));
        given().when().get("/api/public/directory").then().body("total", is(everyone - 1));
        given().queryParam("province", "110000").when().get("/api/public/directory").then().body("total", is(beijing - 1));
        given().when().get("/api/public/certificates/QMS-" + tag + "-3").then().statusCode(200)
                .body("status", equalTo("VALID"));
        market().when().get("/api/customers/" + secret + "/history").then().statusCode(200)
                .body(containsString("客户书面申请（涉密单位）"));
        market().when().delete("/api/customers/" + secret + "/directory-restriction").then().statusCode(200)
                .body("restricted", is(false)).body("reason", nullValue());
        given().queryParam("q", tag).when().get("/api/public/directory").then().body("total", is(3));
        given().when().get("/api/public/directory").then().body("total", is(everyone));
        market().when().delete("/api/customers/999999999/directory-restriction").then().statusCode(404);
    }

    @Test
    void aCertificatesStatusAsOfTodayAnyCaseOrWidth() {
        given().when().get("/api/public/certificates/qms-" + tag.toLowerCase() + "-1").then().statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .body("certificateNo", equalTo("QMS-" + tag + "-1")).body("status", equalTo("VALID"))
                .body("clientName", equalTo(tag + "杭州星澜精密有限公司")).body("scheme", equalTo("QMS"))
                .body("expiresOn", equalTo("2029-02-28")).body("checkedOn", equalTo(LocalDate.now(com.certcare.platform.time.ClockProducer.ZONE).toString()));
        // VALID in the record, but past its expiry date
        given().when().get("/api/public/certificates/QMS-" + tag + "-4").then().statusCode(200)
                .body("status", equalTo("EXPIRED"));
        long ems = given().queryParam("q", "EMS-" + tag + "-2").when().get("/api/public/directory").then()
                .body("total", is(1)).extract().jsonPath().getInt("total");
        assertEquals(1, ems);
        given().header("Accept-Language", "en").when().get("/api/public/certificates/NOPE-" + tag).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("NOPE-" + tag));
        given().when().get("/api/public/certificates/" + "9".repeat(61)).then().statusCode(400)
                .body("errors[0].field", equalTo("number"));
    }

    @Test
    void aSuspensionShowsAndTheDirectoryTellsIt() {
        String own = TestData.tag(); // not this class's tag: the other tests count what q=tag finds
        long c = customer(own + "暂停测试有限公司", "440000", "13700000005");
        long r = certification(c, TestData.certification("QMS").valid("SUS-" + own, LocalDate.of(2026, 3, 1)));
        int version = market().when().get("/api/customers/" + c + "/certifications/" + r).then().extract().path("version");
        market().contentType(ContentType.JSON).body(Map.of("to", "SUSPENDED", "reason", "监督审核逾期", "version", version))
                .when().post("/api/customers/" + c + "/certifications/" + r + "/transitions").then().statusCode(200);
        given().when().get("/api/public/certificates/SUS-" + own).then().body("status", equalTo("SUSPENDED"));
        given().queryParam("q", "SUS-" + own).when().get("/api/public/directory").then()
                .body("items[0].status", equalTo("SUSPENDED"));
    }

    @Test
    void anUnchangedAnswerIsNotSentTwice() {
        String etag = given().queryParam("q", tag).when().get("/api/public/directory").then().extract().header("ETag");
        given().queryParam("q", tag).header("If-None-Match", etag).when().get("/api/public/directory").then()
                .statusCode(304).header("ETag", equalTo(etag));
        String check = given().when().get("/api/public/certificates/QMS-" + tag + "-1").then().extract().header("ETag");
        given().header("If-None-Match", check).when().get("/api/public/certificates/QMS-" + tag + "-1").then()
                .statusCode(304);
        given().header("If-None-Match", "W/\"other\"").when().get("/api/public/certificates/QMS-" + tag + "-1").then()
                .statusCode(200);
    }

    @Test
    void theQrCodeOpensTheVerificationPage() throws Exception {
        String svg = given().when().get("/api/public/certificates/QMS-" + tag + "-1/qr").then().statusCode(200)
                .contentType("image/svg+xml").header("ETag", startsWith("\"")).extract().asString();
        assertTrue(svg.startsWith("<?xml") && svg.contains("<path"), svg);
        byte[] png = given().queryParam("format", "png").queryParam("size", 300).when()
                .get("/api/public/certificates/QMS-" + tag + "-1/qr").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getWidth() >= 200 && image.getWidth() <= 300, "width " + image.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
        assertEquals("http://localhost:5173/verify/QMS-" + tag + "-1", decoded);
        given().queryParam("format", "gif").when().get("/api/public/certificates/QMS-" + tag + "-1/qr").then()
                .statusCode(400).body("errors[0].field", equalTo("format"));
        given().queryParam("format", "png").queryParam("size", 5000).when()
                .get("/api/public/certificates/QMS-" + tag + "-1/qr").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().when().get("/api/public/certificates/NOPE-" + tag + "/qr").then().statusCode(404);
        given().queryParam("q", tag).when().get("/api/public/directory").then().body("items", not(empty()));
    }

    @Test
    void marketDownloadsTheDirectoryForTheWebsite() throws Exception {
        String csv = market().queryParam("q", tag).queryParam("format", "csv").when()
                .get("/api/customers/directory/export").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("directory-")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFF证书编号,企业名称,省份,认证领域,认证范围,认证范围（英文）,发证日期,到期日期,状态", lines.get(0));
        assertEquals(4, lines.size(), csv); // the header and the three listed certificates, newest issue first
        assertTrue(lines.get(1).startsWith("QMS-" + tag + "-1," + tag + "杭州星澜精密有限公司,浙江省,QMS,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",2026-03-01,2029-02-28,有效"), lines.get(1));
        assertTrue(!csv.contains("13700000001") && !csv.contains("联系人"), "the download shows contacts");

        byte[] xlsx = market().header("Accept-Language", "en").queryParam("q", tag).queryParam("format", "xlsx").when()
                .get("/api/customers/directory/export").then().statusCode(200).extract().asByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertEquals("Certified organisations", sheet.getSheetName());
            assertEquals(3, sheet.getLastRowNum());
            assertEquals("QMS-" + tag + "-1", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(LocalDate.of(2026, 3, 1), sheet.getRow(1).getCell(6).getLocalDateTimeCellValue().toLocalDate());
        }
        market().queryParam("format", "pdf").when().get("/api/customers/directory/export").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().header("Authorization", "Bearer " + Tokens.forUser("dep", "department")).when()
                .get("/api/customers/directory/export").then().statusCode(403);
    }

    @Test
    void theCheckTellsEveryStatusAndTheDirectoryListsOnlyLiveOnes() {
        String own = TestData.tag();
        for (String to : new String[] { "WITHDRAWN", "CANCELLED", "EXPIRED" }) {
            long c = customer(own + to + "有限公司", "440000", "1370000" + (to.length() % 10) + "009");
            long r = certification(c, TestData.certification("QMS").valid(to + "-" + own, LocalDate.of(2026, 3, 1)));
            int version = market().when().get("/api/customers/" + c + "/certifications/" + r).then().extract().path("version");
            market().contentType(ContentType.JSON).body(Map.of("to", to, "reason", "测试" + to, "version", version))
                    .when().post("/api/customers/" + c + "/certifications/" + r + "/transitions").then().statusCode(200);
            given().when().get("/api/public/certificates/" + to + "-" + own).then().statusCode(200)
                    .body("status", equalTo(to)).body("certificateNo", equalTo(to + "-" + own));
            given().queryParam("q", to + "-" + own).when().get("/api/public/directory").then().body("total", is(0));
        }
    }
}
