package com.certcare.survey.report;

import static com.certcare.survey.Surveys.answers;
import static com.certcare.survey.Surveys.as;
import static com.certcare.survey.Surveys.dispatchOf;
import static com.certcare.survey.Surveys.dueClient;
import static com.certcare.survey.Surveys.market;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The written quarterly report on a data set worked out by hand, one report's life in order: the draft the figures
 * suggest, saves against the version read, the documents of a draft, the issue, nothing changes after (not the text,
 * not the figures its documents print), and who reads what.
 *
 * <pre>
 * 2093-Q4: five clients, every item 3                                   → index 50.00
 * 2094-Q1: seven answer alike: ATTITUDE (Q01–Q03) 5, FEES (Q12, Q13) 2, every other item 4
 *          Σw(s−1) = 12 + (1.5·3·2 + 3) + 9 + 6 + 2 + 6 = 47 over Σw = 16 → 73.4375 → 73.44; change +23.44
 *          ATTITUDE 100.00 (strongest), FEES 25.00 (weakest), the others 75.00
 *          five of 320000/QMS, one 330000/EMS, one 110000/OHSMS; H (320000/QMS) asked, answers only after the issue
 *          → dispatched 8, responses 7, rate 87.50; 320000 shown (73.44, n=5), 330000 and 110000 not (fewer than 5)
 * </pre>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuarterlyReportTest {

    static final String QUARTER = "2094-Q1";
    static final String REPORT = "/api/surveys/reports/" + QUARTER;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private long late;
    private JsonPath campaign;

    private boolean loaded;

    /** Once (RestAssured knows the app's port only from the first test on, as in AnalysisTest). */
    @BeforeEach
    void load() throws Exception {
        if (loaded) {
            return;
        }
        loaded = true;
        // whatever other tests left due goes into a campaign of its own, so these quarters hold only what is below
        campaign("2093-Q3");
        List<Long> before = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            before.add(dueClient("报告前期客户" + i, null));
        }
        JsonPath q4 = campaign("2093-Q4");
        for (long c : before) {
            answer(dispatchOf(q4, c), answers(3));
        }
        List<Long> clients = new ArrayList<>();
        List<String> codes = List.of("18.05.01");
        for (int i = 1; i <= 5; i++) {
            clients.add(dueClient("报告客户" + i, null, "320000", "QMS", codes));
        }
        clients.add(dueClient("报告客户浙江", null, "330000", "EMS", codes));
        clients.add(dueClient("报告客户北京", null, "110000", "OHSMS", codes));
        late = dueClient("报告客户迟答", null, "320000", "QMS", codes);
        campaign = campaign(QUARTER);
        for (long c : clients) {
            answer(dispatchOf(campaign, c), mixed());
        }
    }

    private static Map<String, Object> mixed() {
        Map<String, Object> a = new LinkedHashMap<>(answers(4));
        a.put("Q01", 5);
        a.put("Q02", 5);
        a.put("Q03", 5);
        a.put("Q12", 2);
        a.put("Q13", 2);
        return a;
    }

    private static JsonPath campaign(String quarter) {
        return market().contentType(ContentType.JSON).body(Map.of("quarter", quarter, "templateVersion", 1))
                .post("/api/surveys/campaigns").then().statusCode(201).extract().jsonPath();
    }

    private static void answer(long dispatch, Map<String, Object> answers) {
        market().contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "answers", answers))
                .post("/api/surveys/dispatches/" + dispatch + "/responses").then().statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse save(String quarter, String conclusions, int version) {
        return market().contentType(ContentType.JSON).body(Map.of("conclusions", conclusions, "version", version))
                .put("/api/surveys/reports/" + quarter).then();
    }

    @Test
    @Order(1)
    void theSuggestedDraftReflectsTheFigures() {
        String zh = as("leader").get(REPORT).then().statusCode(200)
                .body("quarter", equalTo(QUARTER)).body("status", equalTo("DRAFT")).body("saved", is(false))
                .body("version", is(0)).body("formNumber", equalTo("TEST-16-Q")).body("maxConclusions", is(20000))
                .body("updatedBy", nullValue()).body("issuedAt", nullValue())
                .extract().path("conclusions");
        assertTrue(zh.contains("共发放满意度调查 8 份，收回有效答复 7 份，答复率 87.50%"), zh);
        assertTrue(zh.contains("顾客满意度指数为 73.44，较上季度（2093-Q4）的 50.00 上升 23.44 分"), zh);
        assertTrue(zh.contains("“服务态度”得分最高（100.00），“收费与合同”得分最低（25.00）"), zh);
        assertTrue(zh.contains("建议针对“收费与合同”分析原因"), zh);
        String en = market().header("Accept-Language", "en").get(REPORT).then().statusCode(200).extract().path("conclusions");
        assertTrue(en.contains("8 surveys sent, 7 answered, a response rate of 87.50%"), en);
        assertTrue(en.contains("The satisfaction index is 73.44, up 23.44 points on the previous quarter (2093-Q4: 50.00)"), en);
        assertTrue(en.contains("\"Service attitude\" scored highest (100.00) and \"Fees and contract\" lowest (25.00)"), en);
        assertTrue(en.contains("this quarter’s figures"), en);
        // a quarter without answers: no index to write about, and no error
        String empty = market().get("/api/surveys/reports/2092-Q1").then().statusCode(200).extract().path("conclusions");
        assertTrue(empty.contains("不足 5 份"), empty);
    }

    @Test
    @Order(2)
    void savesAgainstTheVersionRead() {
        save(QUARTER, "初稿：本季度满意度上升。", 0).statusCode(200)
                .body("saved", is(true)).body("version", is(1)).body("status", equalTo("DRAFT"))
                .body("updatedBy", equalTo("market-user")).body("updatedAt", notNullValue());
        // a second first save, from someone who read the same never-saved report
        save(QUARTER, "另一份初稿", 0).statusCode(409)
                .contentType(containsString("application/problem+json")).body("type", containsString("stale"));
        save(QUARTER, "结论：本季度顾客满意度指数为 73.44，收费与合同需改进。\n措施：复核收费说明。", 1).statusCode(200)
                .body("version", is(2));
        save(QUARTER, "迟到的修改", 1).statusCode(409).body("type", containsString("stale"));
        market().header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of("conclusions", "x", "version", 1))
                .put(REPORT).then().statusCode(409).body("title", equalTo("Changed by someone else"));
        as("leader").get(REPORT).then().statusCode(200).body("conclusions", startsWith("结论：本季度")).body("version", is(2));
        as("leader").contentType(ContentType.JSON).body(Map.of("conclusions", "领导改的", "version", 2)).put(REPORT).then()
                .statusCode(403);
    }

    @Test
    @Order(3)
    void theDraftsPdfCarriesTheFiguresTheChartsAndTheConclusionsMarkedDraft() throws IOException {
        ExtractableResponse<Response> file = market().queryParam("format", "pdf").get(REPORT + "/document").then()
                .statusCode(200).contentType("application/pdf").extract();
        assertTrue(file.header("Content-Disposition").contains("attachment"), file.header("Content-Disposition"));
        assertTrue(file.header("Content-Disposition").contains("satisfaction-report-2094-Q1-draft.pdf"),
                file.header("Content-Disposition"));
        // kept for a look by eye: target/quarterly-report-draft.pdf
        java.nio.file.Files.write(java.nio.file.Path.of("target/quarterly-report-draft.pdf"), file.asByteArray());
        String text = pdfText(file.asByteArray());
        assertTrue(text.contains("顾客满意度季度分析报告"), text);
        assertTrue(text.contains("TEST-16-Q"), text);
        assertTrue(text.contains("2094 年第 1 季度（2094-Q1）"), text);
        assertTrue(text.contains("草稿"), text);
        assertTrue(text.contains("73.44") && text.contains("+23.44") && text.contains("87.50%"), text);
        assertTrue(text.contains("服务态度") && text.contains("100.00") && text.contains("25.00"), text);
        assertTrue(text.contains("江苏省") && text.contains("73.44（n=5）"), text);
        assertTrue(text.contains("浙江省") && text.contains("不足 5 份，不予显示"), text);
        assertTrue(text.contains("质量管理体系（QMS）"), text);
        assertTrue(text.contains("结论：本季度顾客满意度指数为 73.44，收费与合同需改进。"), text);
        assertTrue(text.contains("措施：复核收费说明。"), text);
        assertFalse(text.contains("报告客户"), "no client's name: " + text);
    }

    @Test
    @Order(4)
    void issuedOnceAndNeverChangedAfter() throws Exception {
        market().contentType(ContentType.JSON).body(Map.of("version", 1)).post(REPORT + "/issue").then().statusCode(409)
                .body("type", containsString("stale"));
        market().contentType(ContentType.JSON).body(Map.of("version", 2)).post(REPORT + "/issue").then().statusCode(200)
                .body("status", equalTo("ISSUED")).body("issuedBy", equalTo("market-user")).body("issuedAt", notNullValue())
                .body("version", is(3));
        save(QUARTER, "签发后的修改", 3).statusCode(409).contentType(containsString("application/problem+json"))
                .body("type", containsString("report-issued")).body("detail", containsString("2094-Q1"));
        market().header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of("version", 3))
                .post(REPORT + "/issue").then().statusCode(409).body("title", equalTo("Report issued"));
        market().get(REPORT).then().body("conclusions", startsWith("结论：本季度")).body("status", equalTo("ISSUED"));
        // never saved: nothing to issue
        market().contentType(ContentType.JSON).body(Map.of("version", 1)).post("/api/surveys/reports/2092-Q2/issue").then()
                .statusCode(409).body("type", containsString("report-not-saved"));

        // a late answer moves the quarter's figures, not the issued report's
        answer(dispatchOf(campaign, late), answers(1));
        market().queryParam("quarter", QUARTER).get("/api/surveys/aggregates").then().body("overall.responses", is(8));
        byte[] pdf = market().queryParam("format", "pdf").get(REPORT + "/document").then().statusCode(200).extract()
                .asByteArray();
        String text = pdfText(pdf);
        assertTrue(text.contains("73.44") && text.contains("87.50%") && text.contains("已签发：market-user"), text);
        assertFalse(text.contains("草稿"), text);
    }

    @Test
    @Order(5)
    void theWorkbookHasTheSheetsWithTheFigures() throws IOException {
        ExtractableResponse<Response> file = as("leader").queryParam("format", "xlsx").get(REPORT + "/document").then()
                .statusCode(200).contentType(XLSX).extract();
        assertTrue(file.header("Content-Disposition").contains("satisfaction-report-2094-Q1.xlsx"),
                file.header("Content-Disposition"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.asByteArray()))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(s -> sheets.add(s.getSheetName()));
            assertEquals(List.of("概况", "维度", "题目", "分组", "结论"), sheets);
            Sheet overview = book.getSheet("概况");
            assertEquals(73.44, number(overview, "顾客满意度指数（0–100）", 1), 1e-9); // frozen at issue: 7 answers
            assertEquals(7, number(overview, "有效答复（份）", 1), 1e-9);
            assertEquals(87.5, number(overview, "答复率 (%)", 1), 1e-9);
            assertEquals(50.0, number(overview, "上季度（2093-Q4）指数", 1), 1e-9);
            assertEquals("已签发", text(overview, "状态", 1));
            assertEquals("market-user", text(overview, "签发人", 1));
            Sheet dims = book.getSheet("维度");
            assertEquals(100.0, number(dims, "ATTITUDE", 4), 1e-9);
            assertEquals(25.0, number(dims, "FEES", 4), 1e-9);
            assertEquals(50.0, number(dims, "FEES", 5), 1e-9);
            Sheet items = book.getSheet("题目");
            Row q12 = find(items, "Q12");
            assertEquals(7, q12.getCell(4).getNumericCellValue(), 1e-9);
            assertEquals(2.0, q12.getCell(5).getNumericCellValue(), 1e-9);
            assertEquals(7, q12.getCell(7).getNumericCellValue(), 1e-9); // seven answered 2
            Sheet segments = book.getSheet("分组");
            List<String> rows = new ArrayList<>();
            for (Row r : segments) {
                StringBuilder line = new StringBuilder();
                r.forEach(c -> line.append(c.getCellType() == CellType.NUMERIC ? String.valueOf(c.getNumericCellValue())
                        : c.getStringCellValue()).append('|'));
                rows.add(line.toString());
            }
            assertTrue(rows.contains("省份|320000|江苏省|5.0|6.0|83.33|73.44|50.0|23.44|"), String.join("\n", rows));
            assertTrue(rows.contains("省份|330000|浙江省|不足 5 份，不予显示|"), String.join("\n", rows));
            assertTrue(rows.contains("认证领域|QMS|质量管理体系（QMS）|5.0|6.0|83.33|73.44|50.0|23.44|"), String.join("\n", rows));
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("专业代码|18.05.01|18.05.01|7.0|8.0|87.5|73.44|")),
                    String.join("\n", rows));
            assertTrue(book.getSheet("结论").getRow(1).getCell(0).getStringCellValue().startsWith("结论：本季度"));
        }
    }

    @Test
    @Order(6)
    void auditorsReadOnlyIssuedReports() {
        as("auditor").get(REPORT).then().statusCode(200).body("status", equalTo("ISSUED"));
        as("auditor").queryParam("format", "xlsx").get(REPORT + "/document").then().statusCode(200);
        save("2092-Q3", "草稿结论", 0).statusCode(200);
        as("auditor").get("/api/surveys/reports/2092-Q3").then().statusCode(403)
                .contentType(containsString("application/problem+json")).body("type", containsString("report-not-issued"));
        as("auditor").get("/api/surveys/reports/2092-Q4").then().statusCode(403);
        as("auditor").queryParam("format", "pdf").get("/api/surveys/reports/2092-Q3/document").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        as("auditor").contentType(ContentType.JSON).body(Map.of("version", 1)).post("/api/surveys/reports/2092-Q3/issue")
                .then().statusCode(403);
        as("department").get(REPORT).then().statusCode(403);
        io.restassured.RestAssured.given().get(REPORT).then().statusCode(401);
        as("admin").get("/api/surveys/reports/2092-Q3").then().statusCode(200).body("conclusions", equalTo("草稿结论"));
    }

    @Test
    @Order(7)
    void badInputIsNamedNever500() {
        market().get("/api/surveys/reports/2094-Q5").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("quarter"));
        market().header("Accept-Language", "en").get("/api/surveys/reports/2094Q1/document").then().statusCode(400)
                .body("errors[0].field", equalTo("quarter")).body("errors[0].message", containsString("yyyy-Qn"));
        market().queryParam("format", "docx").get(REPORT + "/document").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("format")).body("errors[0].message", containsString("pdf, xlsx"));
        market().contentType(ContentType.JSON).body("").put("/api/surveys/reports/2092-Q4").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        market().contentType(ContentType.JSON).body("null").put("/api/surveys/reports/2092-Q4").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        market().contentType(ContentType.JSON).body("{}").put("/api/surveys/reports/2092-Q4").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("conclusions", "version"));
        save("2092-Q4", "   ", 0).statusCode(400).body("errors[0].field", equalTo("conclusions"));
        market().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("conclusions", "长".repeat(20_001), "version", 0)).put("/api/surveys/reports/2092-Q4").then()
                .statusCode(400).body("errors[0].field", equalTo("conclusions"))
                .body("errors[0].message", containsString("20000"));
        save("2092-Q4", "字".repeat(20_000), 0).statusCode(200);
        market().contentType(ContentType.JSON).body(Map.of("conclusions", "x", "version", -1)).put("/api/surveys/reports/2092-Q4")
                .then().statusCode(400).body("errors[0].field", equalTo("version"));
        market().contentType(ContentType.JSON).body("{}").post("/api/surveys/reports/2092-Q4/issue").then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        market().contentType(ContentType.JSON).body(Map.of("conclusions", "x", "version", "一")).put("/api/surveys/reports/2092-Q4")
                .then().statusCode(400).body(not(containsString("Exception")));
    }

    private static String pdfText(byte[] pdf) throws IOException {
        assertTrue(pdf.length > 4 && new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(font.getName());
                    assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                }
            }
            assertTrue(fonts.stream().anyMatch(f -> f.contains("WenQuanYiMicroHei")), "the Chinese font: " + fonts);
            return new PDFTextStripper().getText(document);
        }
    }

    private static Row find(Sheet sheet, String first) {
        for (Row r : sheet) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(first)) {
                return r;
            }
        }
        throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
    }

    private static double number(Sheet sheet, String first, int column) {
        Cell c = find(sheet, first).getCell(column);
        assertNotNull(c, first);
        return c.getNumericCellValue();
    }

    private static String text(Sheet sheet, String first, int column) {
        return find(sheet, first).getCell(column).getStringCellValue();
    }
}
