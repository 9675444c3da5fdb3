package com.certcare.customer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Input that once gave 500s (or a 404, or was silently accepted): each is now a 4xx problem naming the field,
 * and the service answers the next request.
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class BadInputTest {

    private long customer() {
        return given().contentType(ContentType.JSON).body(TestData.customer(TestData.tag() + "输入测试有限公司"))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void anEmptyOrNullBodyIsA400NamingTheBody() {
        long id = customer();
        String[][] calls = {
                { "POST", "/api/customers" },
                { "PUT", "/api/customers/" + id },
                { "POST", "/api/customers/" + id + "/certifications" },
        };
        for (String[] call : calls) {
            for (String body : new String[] { "", "null" }) {
                given().contentType(ContentType.JSON).body(body).header("Accept-Language", "en")
                        .when().request(call[0], call[1])
                        .then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", hasItem("body"))
                        .body("errors.message", hasItem("A request body is required"));
            }
        }
        long cert = given().contentType(ContentType.JSON).body(TestData.certification("QMS"))
                .when().post("/api/customers/" + id + "/certifications").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        for (String path : new String[] { "/transitions", "/surveillance-plan" }) {
            String method = path.equals("/transitions") ? "POST" : "PUT";
            given().contentType(ContentType.JSON).body("null")
                    .when().request(method, "/api/customers/" + id + "/certifications/" + cert + path)
                    .then().statusCode(400).body("errors.field", hasItem("body"))
                    .body("errors.message", hasItem("请求体不能为空"));
        }
    }

    @Test
    void aFractionWhereAnIntegerIsDeclaredIsRefused() {
        long id = customer();
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"小数版本测试有限公司\",\"creditCode\":\"" + TestData.creditCode()
                        + "\",\"provinceCode\":\"330000\",\"version\":1.5}")
                .when().put("/api/customers/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("version"));
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNotConverted() {
        long id = customer();
        Object[][] cases = {
                { "name", 12345 }, // not stored as the text "12345"
                { "remarks", true },
                { "contacts", java.util.List.of(java.util.Map.of("name", "王芳", "primary", 5)) }, // not read as true
        };
        for (Object[] c : cases) {
            given().contentType(ContentType.JSON).body(TestData.customer(TestData.tag() + "类型测试有限公司").with((String) c[0], c[1]))
                    .when().post("/api/customers")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(startsWith((String) c[0])));
        }
        given().contentType(ContentType.JSON).body(TestData.certification("QMS").with("status", 1)) // not the 2nd constant
                .when().post("/api/customers/" + id + "/certifications")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        given().contentType(ContentType.JSON).body(TestData.certification("QMS").with("applicationAcceptedOn", 20000))
                .when().post("/api/customers/" + id + "/certifications") // not a day counted from 1970
                .then().statusCode(400).body("errors.field", hasItem("applicationAcceptedOn"));
    }

    @Test
    void aQueryNumberOrFlagThatIsNotOneIsA400NamingItNotA404() {
        long id = customer();
        for (String page : new String[] { "abc", "1.5", "99999999999999999999" }) {
            given().queryParam("page", page).when().get("/api/customers/" + id + "/history")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("page"));
        }
        // JAX-RS reads every boolean but "true" as false: "yes" would have committed the import
        given().contentType("text/csv").body("企业名称,统一社会信用代码,省份\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", "yes")
                .when().post("/api/customers/import")
                .then().statusCode(400).body("errors.field", hasItem("dryRun"));
    }

    @Test
    void aNulInAProvinceOrSchemeFilterIsA400() {
        given().queryParam("province", "33\u00000000").when().get("/api/customers")
                .then().statusCode(400).body("errors.field", hasItem("province"));
        given().queryParam("scheme", "Q\u0000MS").when().get("/api/customers/statistics/expiring")
                .then().statusCode(400).body("errors.field", hasItem("scheme"));
    }

    @Test
    void halfASurrogatePairIsRefusedNotStoredAsAQuestionMark() {
        String body = "{\"name\":\"星\\ud800澜有限公司\",\"creditCode\":\"" + TestData.creditCode()
                + "\",\"provinceCode\":\"330000\"}";
        given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).header("Accept-Language", "en")
                .when().post("/api/customers")
                .then().statusCode(400).body("errors.field", hasItem("name"))
                .body("errors.message", hasItem(containsString("surrogate")));
        // a whole pair (an emoji, a Han character beyond the BMP) is text
        given().contentType(ContentType.JSON).body(TestData.customer(TestData.tag() + "\uD842\uDFB7有限公司"))
                .when().post("/api/customers").then().statusCode(201);
    }

    @Test
    void aNulCharacterInTheSearchIsA400() {
        given().queryParam("q", "星\u0000澜").when().get("/api/customers")
                .then().statusCode(400).body("errors.field", hasItem("q"));
        given().when().get("/api/customers?q=ok").then().statusCode(200);
    }

    @Test
    void aPageFarBeyondTheDataIsA400NotAnOverflow() {
        long id = customer();
        given().queryParam("page", 5_000_000).when().get("/api/customers/" + id + "/history")
                .then().statusCode(400).body("errors.field", hasItem("page"));
        given().queryParam("page", 5_000_000).when().get("/api/customers")
                .then().statusCode(400).body("errors.field", hasItem("page"));
        given().when().get("/api/customers/" + id + "/history").then().statusCode(200);
    }

    @Test
    void anUnknownEnumValueInTheQueryIsA400NamingTheAllowedValues() {
        given().queryParam("groupBy", "nonsense").header("Accept-Language", "en")
                .when().get("/api/customers/statistics")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("groupBy"))
                .body("errors[0].message", containsString("PROVINCE"));
        given().queryParam("groupBy", "province").when().get("/api/customers/statistics").then().statusCode(200);
    }

    @Test
    void anEmptyOrForeignXlsxIsA400() {
        given().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(new byte[0])
                .when().post("/api/customers/import?dryRun=true")
                .then().statusCode(400).body("errors.field", hasItem("file"));
        given().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body("这不是表格".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/customers/import?dryRun=true")
                .then().statusCode(400).body("errors.field", hasItem("file"));
    }

    @Test
    void anXlsxCellFarToTheRightIsRefusedBeforeItFillsMemory() throws Exception {
        byte[] xlsx = xlsxWithCell("ZZZZZZ2");
        assertTrue(xlsx.length < 10_000, "a small file: " + xlsx.length);
        given().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(xlsx)
                .when().post("/api/customers/import?dryRun=true")
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors.field", hasItem("columns"));
        given().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(xlsxWithCell("A9000000"))
                .when().post("/api/customers/import?dryRun=true")
                .then().statusCode(413).body("errors.field", hasItem("rows"));
        given().when().get("/api/customers?q=ok").then().statusCode(200);
    }

    @Test
    void aCsvOfEndlessEmptyLinesIsRefusedAtTheRowLimit() {
        StringBuilder csv = new StringBuilder("企业名称,统一社会信用代码,省份\n");
        csv.append(",,\n".repeat(250_000));
        given().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/customers/import?dryRun=true")
                .then().statusCode(413).body("errors.field", hasItem("rows"))
                .body("status", equalTo(413));
    }

    @Test
    void aJsonBodyOverOneMegabyteIsRefusedBeforeItIsRead() {
        StringBuilder contacts = new StringBuilder("[");
        for (int i = 0; i < 30_000; i++) {
            contacts.append(i == 0 ? "" : ",").append("{\"name\":\"联系人").append(i).append("\",\"phone\":\"13800138000\"}");
        }
        String body = "{\"name\":\"大请求测试有限公司\",\"creditCode\":\"" + TestData.creditCode()
                + "\",\"provinceCode\":\"330000\",\"contacts\":" + contacts + "]}";
        assertTrue(body.getBytes(StandardCharsets.UTF_8).length > 1_048_576);
        given().contentType(ContentType.JSON).body(body).header("Accept-Language", "en")
                .when().post("/api/customers")
                .then().statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("Request body too large"));
        given().when().get("/api/customers?q=ok").then().statusCode(200);
    }

    @Test
    void listsLongerThanTheConfiguredLimitsAreA400NamingFieldAndLimit() {
        java.util.List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            codes.add(String.format("33.%02d.%02d", i / 100 + 1, i % 100));
        }
        java.util.List<java.util.Map<String, Object>> contacts = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            contacts.add(java.util.Map.of("name", "联系人" + i, "phone", "13800138000", "primary", i == 0));
        }
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(TestData.customer("清单过长有限公司").with("professionalCodes", codes).with("contacts", contacts))
                .when().post("/api/customers").then().statusCode(400)
                .body("errors.find { it.field == 'professionalCodes' }.message", equalTo("At most 100 entries"))
                .body("errors.find { it.field == 'contacts' }.message", equalTo("At most 20 entries"));
        long id = given().contentType(ContentType.JSON).body(TestData.customer("审核日期过多有限公司"))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        java.util.List<String> dates = new java.util.ArrayList<>();
        for (int i = 0; i < 61; i++) {
            dates.add(java.time.LocalDate.of(2026, 1, 1).plusDays(i).toString());
        }
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(TestData.certification("QMS").with("auditDates", java.util.Map.of("surveillance", dates)))
                .when().post("/api/customers/" + id + "/certifications").then().statusCode(400)
                .body("errors.field", hasItem("auditDates.surveillance"));
    }

    /** A minimal XLSX (zip) whose only sheet has one inline-string cell at {@code reference}. */
    static byte[] xlsxWithCell(String reference) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>企业名称</t></is></c></row>"
                    + "<row r=\"" + reference.replaceAll("[A-Z]", "") + "\"><c r=\"" + reference
                    + "\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
                    + "</sheetData></worksheet>");
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
