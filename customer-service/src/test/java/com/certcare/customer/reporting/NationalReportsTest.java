package com.certcare.customer.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;
import com.certcare.platform.time.ClockProducer;
import com.certcare.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * National reporting: a certificate's issue, data change, surveillance audit and suspension each leave one record
 * in the transaction of the change (a refused change leaves none; a record that never became a certificate none);
 * the month's workbook carries them in the data file's sheets, headers and code tables; the deadline is the 10th of
 * the next month; market marks the month sent and resends a record; roles.
 */
@QuarkusTest
class NationalReportsTest {

    private static RequestSpecification as(String role) {
        return given().header("Authorization", "Bearer " + Tokens.forUser(role + "-user", role));
    }

    private static JsonPath transition(long customer, JsonPath record, String to, String reason, int status) {
        return as("market").contentType(ContentType.JSON)
                .body(Map.of("to", to, "version", record.getInt("version"), "reason", reason))
                .post("/api/customers/" + customer + "/certifications/" + record.getLong("id") + "/transitions")
                .then().statusCode(status).extract().jsonPath();
    }

    private static List<Map<String, Object>> mine(long certificationId) {
        return month(YearMonth.now(ClockProducer.ZONE).toString()).stream()
                .filter(r -> ((Number) r.get("certificationId")).longValue() == certificationId).toList();
    }

    /** Every record of the month, read page by page as the screen reads them. */
    static List<Map<String, Object>> month(String period) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 1;; page++) {
            JsonPath listed = as("market").queryParam("period", period).queryParam("page", page).queryParam("size", 200)
                    .get("/api/customers/national-reports").then().statusCode(200).extract().jsonPath();
            all.addAll(listed.getList("items"));
            if ((long) page * 200 >= listed.getLong("total")) {
                return all;
            }
        }
    }

    @Test
    void eachReportableChangeLeavesOneRecordAndTheMonthsWorkbookCarriesThem() throws Exception {
        String tag = TestData.tag();
        long customer = as("market").contentType(ContentType.JSON).body(TestData.customer("上报测试" + tag + "有限公司"))
                .post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        TestData.CertificationBody body = TestData.certification("QMS").valid("RPT-" + tag, LocalDate.of(2026, 3, 15));
        body.put("status", "AUDITING");
        JsonPath c = as("market").contentType(ContentType.JSON).body(body)
                .post("/api/customers/" + customer + "/certifications").then().statusCode(201).extract().jsonPath();
        long id = c.getLong("id");
        assertEquals(0, mine(id).size(), "recording a record is not a report");

        c = transition(customer, c, "VALID", "认证决定通过", 200);
        // a refused change (stale version) leaves no record: the record is written in the change's transaction
        as("market").contentType(ContentType.JSON).body(Map.of("to", "SUSPENDED", "version", c.getInt("version") - 1, "reason", "x"))
                .post("/api/customers/" + customer + "/certifications/" + id + "/transitions").then().statusCode(409);
        assertEquals(1, mine(id).size());

        Map<String, Object> update = new java.util.LinkedHashMap<>(body);
        update.remove("status");
        update.put("scope", "软件开发、信息系统集成服务");
        update.put("auditDates", Map.of("stage1", "2026-02-01", "stage2", "2026-02-20", "surveillance", List.of("2027-03-01")));
        update.put("version", c.getInt("version"));
        c = as("market").contentType(ContentType.JSON).body(update)
                .put("/api/customers/" + customer + "/certifications/" + id).then().statusCode(200).extract().jsonPath();
        transition(customer, c, "SUSPENDED", "监督审核逾期", 200);

        List<Map<String, Object>> records = mine(id);
        assertEquals(List.of("ISSUE", "CHANGE", "SURVEILLANCE", "SUSPENSION"), records.stream().map(r -> r.get("event")).toList());
        assertEquals(List.of("CERTIFICATE", "CERTIFICATE", "AUDIT_RESULT", "CERTIFICATE"), records.stream().map(r -> r.get("sheet")).toList());
        assertTrue(records.stream().allMatch(r -> "PENDING".equals(r.get("status"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> suspension = (Map<String, Object>) records.get(3).get("data");
        assertEquals("监督审核逾期", suspension.get("reason"));
        assertEquals("SUSPENDED", suspension.get("status"));

        // an application that ends without a certificate reports nothing
        JsonPath applying = as("market").contentType(ContentType.JSON).body(TestData.certification("EMS"))
                .post("/api/customers/" + customer + "/certifications").then().statusCode(201).extract().jsonPath();
        transition(customer, applying, "TERMINATED", "客户放弃申请", 200);
        assertEquals(0, mine(applying.getLong("id")).size());

        YearMonth month = YearMonth.now(ClockProducer.ZONE);
        byte[] xlsx = as("market").get("/api/customers/national-reports/batches/" + month).then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(List.of("证书信息表", "审核计划信息表", "审核结果信息表"),
                    List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)));
            var certificates = book.getSheet("证书信息表");
            assertEquals("证书编号", certificates.getRow(0).getCell(0).getStringCellValue());
            assertEquals("证书状态", certificates.getRow(0).getCell(7).getStringCellValue());
            List<List<String>> mineRows = new java.util.ArrayList<>();
            for (int r = 1; r <= certificates.getLastRowNum(); r++) {
                var row = certificates.getRow(r);
                if (("RPT-" + tag).equals(row.getCell(0).getStringCellValue())) {
                    mineRows.add(List.of(row.getCell(7).getStringCellValue(), row.getCell(8).getStringCellValue(),
                            row.getCell(4).getStringCellValue()));
                }
            }
            assertEquals(List.of(List.of("有效", "新发证书", "软件开发及信息技术服务"),
                    List.of("有效", "证书变更", "软件开发、信息系统集成服务"),
                    List.of("暂停", "证书暂停", "软件开发、信息系统集成服务")), mineRows);
            var results = book.getSheet("审核结果信息表");
            boolean found = false;
            for (int r = 1; r <= results.getLastRowNum(); r++) {
                var row = results.getRow(r);
                if (("RPT-" + tag).equals(row.getCell(0).getStringCellValue())) {
                    assertEquals("监督审核", row.getCell(3).getStringCellValue());
                    assertEquals("FS01", row.getCell(4).getStringCellValue());
                    assertEquals("2027-03-01", row.getCell(5).getStringCellValue());
                    found = true;
                }
            }
            assertTrue(found, "the surveillance audit in the audit result sheet");
        }

        as("market").get("/api/customers/national-reports/summary").then().statusCode(200)
                .body("period", equalTo(month.toString()))
                .body("dueOn", equalTo(month.plusMonths(1).atDay(10).toString()));
        as("leader").post("/api/customers/national-reports/batches/" + month + "/sent").then().statusCode(403);
        as("market").post("/api/customers/national-reports/batches/" + month + "/sent").then().statusCode(200);
        assertTrue(mine(id).stream().allMatch(r -> "SENT".equals(r.get("status")) && "market-user".equals(r.get("sentBy"))));
        long first = ((Number) mine(id).get(0).get("id")).longValue();
        as("market").post("/api/customers/national-reports/" + first + "/resend").then().statusCode(204);
        assertEquals("PENDING", mine(id).get(0).get("status"));
        as("market").post("/api/customers/national-reports/999999999/resend").then().statusCode(404);
    }

    @Test
    void theImportsChangesToALiveCertificateAreReportedAsTheScreensAre() {
        String tag = TestData.tag();
        long customer = as("market").contentType(ContentType.JSON).body(TestData.customer("导入上报" + tag + "有限公司"))
                .post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        long id = as("market").contentType(ContentType.JSON)
                .body(TestData.certification("QMS").valid("IMP-" + tag, LocalDate.of(2026, 3, 15)))
                .post("/api/customers/" + customer + "/certifications").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String exported = new String(as("market").queryParam("q", tag).queryParam("format", "csv")
                .get("/api/customers/export").then().statusCode(200).extract().asByteArray(),
                java.nio.charset.StandardCharsets.UTF_8).substring(1);

        // the export imported back as it is reports nothing
        as("market").contentType("text/csv").body(exported.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("dryRun", false).post("/api/customers/import").then().statusCode(200)
                .body("committed", equalTo(true)).body("unchangedCertifications", equalTo(1));
        assertEquals(0, mine(id).size(), "recording a record, and an import that changes nothing, report nothing");

        // a scope edited in the ledger is a change of the certificate's reported data
        String edited = exported.replace("软件开发及信息技术服务", "软件开发、信息系统集成服务");
        assertTrue(!edited.equals(exported));
        as("market").contentType("text/csv").body(edited.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("dryRun", false).post("/api/customers/import").then().statusCode(200)
                .body("committed", equalTo(true)).body("updatedCertifications", equalTo(1));
        List<Map<String, Object>> records = mine(id);
        assertEquals(List.of("CHANGE"), records.stream().map(r -> r.get("event")).toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) records.get(0).get("data");
        assertEquals("软件开发、信息系统集成服务", data.get("scope"));

        // a dry run writes no report
        String again = new String(as("market").queryParam("q", tag).queryParam("format", "csv")
                .get("/api/customers/export").then().statusCode(200).extract().asByteArray(),
                java.nio.charset.StandardCharsets.UTF_8).substring(1);
        as("market").contentType("text/csv")
                .body(again.replace("软件开发、信息系统集成服务", "信息系统集成服务").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("dryRun", true)
                .post("/api/customers/import").then().statusCode(200).body("updatedCertifications", equalTo(1));
        assertEquals(1, mine(id).size());
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    /** A month of more records than the workbook reads at a time has every one of them, in order of change. */
    @Test
    void aBusyMonthsWorkbookHasEveryRecord() throws Exception {
        int many = NationalReports.WORKBOOK_CHUNK * 2 + 3;
        try (java.sql.Connection db = dataSource.getConnection();
                java.sql.Statement insert = db.createStatement()) {
            insert.executeUpdate("insert into national_report (sheet, event, certification_id, client_id, period,"
                    + " occurred_at, data) select 'CERTIFICATE', 'CHANGE', n, n, '2003-04', now(),"
                    + " jsonb_build_object('certificateNo', 'bulk ' || lpad(n::text, 5, '0'), 'status', 'VALID',"
                    + " 'event', 'CHANGE') from generate_series(1, " + many + ") n");
        }
        byte[] xlsx = as("market").get("/api/customers/national-reports/batches/2003-04").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var certificates = book.getSheet("证书信息表");
            assertEquals(many, certificates.getLastRowNum(), "every record under the header row");
            assertEquals("BULK00001", certificates.getRow(1).getCell(0).getStringCellValue(), "ids upper-case, no spaces");
            assertEquals("BULK" + String.format("%05d", many), certificates.getRow(many).getCell(0).getStringCellValue());
            assertEquals(0, book.getSheet("审核结果信息表").getLastRowNum());
        }
        JsonPath last = as("market").queryParam("period", "2003-04").queryParam("page", 11).queryParam("size", 200)
                .get("/api/customers/national-reports").then().statusCode(200).extract().jsonPath();
        assertEquals(many, last.getLong("total"), "the screen's list says how many the month has");
        assertEquals(many - 2000, last.getList("items").size());
    }

    @Test
    void rolesAndBadParameters() {
        as("auditor").queryParam("period", "2026-12").get("/api/customers/national-reports").then().statusCode(403);
        as("department").get("/api/customers/national-reports/summary").then().statusCode(403);
        as("leader").queryParam("period", "2026-12").get("/api/customers/national-reports").then().statusCode(200);
        as("market").get("/api/customers/national-reports").then().statusCode(400).body("errors[0].field", equalTo("period"));
        as("market").queryParam("period", "2026-13").get("/api/customers/national-reports").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        as("market").queryParam("period", "2026-12").queryParam("status", "LOST").get("/api/customers/national-reports")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("market").get("/api/customers/national-reports/batches/26-12").then().statusCode(400);
        as("market").queryParam("period", "2026-12").queryParam("size", 201).get("/api/customers/national-reports")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("market").queryParam("period", "2026-12").queryParam("page", 0).get("/api/customers/national-reports")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void theWorkbookHasTheDataFilesSheetsAndHeadersInItsOrder() throws Exception {
        com.fasterxml.jackson.databind.JsonNode file;
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream("reporting/cnca-sheets.json")) {
            file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        byte[] xlsx = as("market").get("/api/customers/national-reports/batches/2001-01").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(file.get("sheets").size(), book.getNumberOfSheets());
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                var expected = file.get("sheets").get(i);
                var sheet = book.getSheetAt(i);
                assertEquals(expected.get("name").asText(), sheet.getSheetName());
                var header = sheet.getRow(0);
                assertEquals(expected.get("columns").size(), header.getLastCellNum(), expected.get("name").asText());
                for (int col = 0; col < expected.get("columns").size(); col++) {
                    assertEquals(expected.get("columns").get(col).get("header").asText(),
                            header.getCell(col).getStringCellValue());
                }
                assertEquals(0, sheet.getLastRowNum(), "a month without records: headers only");
            }
        }
    }
}
