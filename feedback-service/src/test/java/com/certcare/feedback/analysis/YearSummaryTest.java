package com.certcare.feedback.analysis;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.LEADER;
import static com.certcare.feedback.item.Feedback.MARKET;
import static com.certcare.feedback.item.Feedback.SCHED;
import static com.certcare.feedback.item.Feedback.TECH;
import static com.certcare.feedback.item.Feedback.as;
import static com.certcare.feedback.item.Feedback.step;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.certcare.feedback.TestClock;
import com.certcare.feedback.item.Feedback;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The year-end summary on a known data set: seven items received in 2024 (Asia/Shanghai) with every step at a fixed
 * time through the injected clock, and one received at 00:30 on 1 January 2025 in Shanghai (still 2024 in UTC) that
 * must not count. Every figure below is worked out by hand from the table in {@link #theYearsFiguresAreThoseWorkedOutByHand}.
 * The same summary as XLSX (opened back with POI) and as PDF (%PDF, the text, the Chinese font embedded).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YearSummaryTest {

    static final String YEAR = ITEMS + "/analysis/year";
    static boolean posted;

    @Inject
    TestClock clock;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    void at(String shanghai) {
        clock.stopAt(OffsetDateTime.parse(shanghai + "+08:00").toInstant());
    }

    long item(String kind, String channel, String client, String receivedAt, String... topics) {
        at(receivedAt);
        Map<String, Object> body = Feedback.body(kind, client + "：年度分析测试");
        body.put("prospectName", client);
        body.put("channel", channel);
        body.put("receivedAt", receivedAt + "+08:00");
        long id = Feedback.post(TECH, body).getLong("id");
        as(MARKET).contentType(ContentType.JSON).body(Map.of("topics", List.of(topics))).put(ITEMS + "/" + id + "/topics")
                .then().statusCode(200);
        return id;
    }

    /**
     * <pre>
     * item kind         channel    client received (+08)   first response      hours  resolved            hours class dept
     * I1   OPINION      PHONE      甲     2024-01-08 09:00 a 01-08 13:00          4  closed 01-09 09:00   24   a     -
     * I2   AFTER_SALES  FORM       乙     2024-02-05 09:00 b 02-05 11:00          2  02-07 09:00          48   b     technical-committee
     * I3   VALUE_ADDED  VISIT      丙     2024-03-04 09:00 c 03-04 17:00          8  03-08 09:00          96   c     technical-committee
     * I4   COMPLAINT    PHONE      丁     2024-03-11 09:00 b 03-12 09:00         24  03-14 21:00          84   b     audit-scheduling
     * I5   AFTER_SALES  E_DOCUMENT 乙     2024-06-03 09:00 b 06-03 10:00          1  -                         b     technical-committee
     * I6   APPEAL       OTHER      戊     2024-07-01 09:00 a 07-02 15:00         30  -                         a     -
     * I7   VALUE_ADDED  PHONE      己     2024-12-31 23:30 -                            -                         -     -
     * I8   OPINION      PHONE      庚     2025-01-01 00:30 (2024-12-31 16:30 UTC: year 2025, not counted)
     * first response, sorted: 1 2 4 8 24 30 (n 6): median at (6-1)*0.5 = 2.5 → 4 + 0.5*(8-4) = 6; p90 at 4.5 → 24 + 0.5*6 = 27
     * resolution, sorted: 24 48 84 96 (n 4): median at 1.5 → 48 + 0.5*36 = 66; p90 at 2.7 → 84 + 0.7*12 = 92.4
     * topics: 审核时间安排 I1 I2 I4 I6 (I8 is 2025) → clients 甲乙丁戊 = 4 ≥ 3: recurring
     *         证书邮寄 I2 I3 I5 → 3 items but clients 乙丙 = 2: not recurring;  二方审核培训 I3 I7 → 2 clients
     * needs: VALUE_ADDED 2 items (二方审核培训 2, 证书邮寄 1); AFTER_SALES 2 items (证书邮寄 2, 审核时间安排 1)
     * serious complaints: complaints and appeals classed b or c: I4 only (I6 is class a) = 1
     * </pre>
     */
    @Test
    @Order(1)
    void theYearsFiguresAreThoseWorkedOutByHand() {
        postTheYear();
        JsonPath s = as(LEADER).queryParam("year", 2024).get(YEAR).then().statusCode(200).extract().jsonPath();
        assertEquals(2024, s.getInt("year"));
        assertEquals("2023-12-31T16:00:00Z", s.getString("from"));
        assertEquals("2024-12-31T16:00:00Z", s.getString("to"));
        assertEquals(7, s.getInt("received"));
        assertEquals(Map.of("OPINION", 1, "AUDIT_REQUEST", 0, "AFTER_SALES", 2, "CLIENT_SYSTEM_CHANGE", 0,
                "CERTIFICATE_OR_MARK", 0, "VALUE_ADDED", 2, "COMPLAINT", 1, "APPEAL", 1), counts(s, "byKind"));
        assertEquals(Map.of("FORM", 1, "INVESTIGATION_GROUP", 0, "PHONE", 3, "VISIT", 1, "E_DOCUMENT", 1,
                "SURVEY_FOLLOW_UP", 0, "OTHER", 1), counts(s, "byChannel"));
        Map<String, Integer> classes = new HashMap<>(Map.of("A_UNREASONABLE", 2, "B_WITHIN_AUTHORITY", 3, "C_BEYOND_AUTHORITY", 1));
        classes.put(null, 1);
        assertEquals(classes, counts(s, "byClass"));
        Map<String, Integer> departments = new HashMap<>(Map.of("technical-committee", 3, "audit-scheduling", 1));
        departments.put(null, 3);
        assertEquals(departments, counts(s, "byDepartment"));
        assertEquals(List.of(1, 1, 2, 0, 0, 1, 1, 0, 0, 0, 0, 1), s.getList("byMonth.count"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), s.getList("byMonth.month"));

        assertEquals(6, s.getInt("firstResponseHours.count"));
        assertEquals(new BigDecimal("6.00"), decimal(s, "firstResponseHours.median"));
        assertEquals(new BigDecimal("27.00"), decimal(s, "firstResponseHours.p90"));
        assertEquals(4, s.getInt("resolutionHours.count"));
        assertEquals(new BigDecimal("66.00"), decimal(s, "resolutionHours.median"));
        assertEquals(new BigDecimal("92.40"), decimal(s, "resolutionHours.p90"));
        assertTrue(s.getString("percentileMethod").contains("percentile_cont"));

        assertEquals(3, s.getInt("minClients"));
        assertEquals(List.of("审核时间安排"), s.getList("recurringTopics.topic"));
        assertEquals(4, s.getInt("recurringTopics[0].clients"));
        assertEquals(4, s.getInt("recurringTopics[0].items"));
        assertEquals("2024-01-08T01:00:00Z", s.getString("recurringTopics[0].firstSeen"));
        assertEquals("2024-07-01T01:00:00Z", s.getString("recurringTopics[0].lastSeen"));

        assertEquals(List.of("VALUE_ADDED", "AFTER_SALES"), s.getList("needs.kind"));
        assertEquals(List.of(2, 2), s.getList("needs.items"));
        assertEquals(List.of("二方审核培训", "证书邮寄"), s.getList("needs[0].topTopics.topic"));
        assertEquals(List.of(2, 1), s.getList("needs[0].topTopics.items"));
        assertEquals(List.of("证书邮寄", "审核时间安排"), s.getList("needs[1].topTopics.topic"));
        assertEquals(List.of(2, 1), s.getList("needs[1].topTopics.items"));
        assertEquals(1, s.getInt("seriousComplaints"));

        JsonPath next = as(MARKET).queryParam("year", 2025).get(YEAR).then().statusCode(200).extract().jsonPath();
        assertEquals(1, next.getInt("received"), "I8 counts in 2025 (Shanghai), not in 2024 (UTC)");
        assertEquals(1, next.getInt("byMonth[0].count"));
        assertEquals(0, next.getInt("firstResponseHours.count"));
        org.junit.jupiter.api.Assertions.assertNull((Object) next.get("firstResponseHours.median"));
    }

    @Test
    @Order(2)
    void theWorkbookHasOneSheetPerBreakdownWithChineseHeaders() throws Exception {
        postTheYear();
        Response answer = as(MARKET).queryParam("year", 2024).get(YEAR + ".xlsx");
        answer.then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", containsString("filename=\"feedback-year-summary-2024.xlsx\""))
                .header("Content-Disposition", containsString("filename*=UTF-8''%E5%AE%A2%E6%88%B7"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.asByteArray()))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertEquals(List.of("概要", "按类型", "按渠道", "按分类", "按处理部门", "按月份", "共性问题", "客户需求"), sheets);
            Sheet kinds = book.getSheet("按类型");
            assertEquals("类型", kinds.getRow(0).getCell(0).getStringCellValue());
            assertEquals("数量", kinds.getRow(0).getCell(1).getStringCellValue());
            Row complaints = kinds.getRow(7);
            assertEquals("投诉", complaints.getCell(0).getStringCellValue());
            assertEquals(1.0, complaints.getCell(1).getNumericCellValue());
            Sheet summary = book.getSheet("概要");
            assertEquals("收到事项", summary.getRow(3).getCell(0).getStringCellValue());
            assertEquals(7.0, summary.getRow(3).getCell(1).getNumericCellValue());
            assertEquals(92.4, summary.getRow(10).getCell(1).getNumericCellValue(), 1e-9);
            assertEquals("审核时间安排", book.getSheet("共性问题").getRow(1).getCell(0).getStringCellValue());
            assertEquals(2.0, book.getSheet("按月份").getRow(3).getCell(1).getNumericCellValue(), "March");
        }
    }

    @Test
    @Order(3)
    void thePdfCarriesTheFiguresInAnEmbeddedChineseFont() throws Exception {
        postTheYear();
        Response answer = as(LEADER).queryParam("year", 2024).get(YEAR + ".pdf");
        answer.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("filename=\"feedback-year-summary-2024.pdf\""));
        byte[] pdf = answer.asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("客户意见和建议分析", "审核时间安排", "二方审核培训", "投诉", "92.40", "66.00",
                    "27.00", "重大不满意或投诉事件")) {
                assertTrue(text.contains(expected), expected + " in: " + text);
            }
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                }
            }
            assertTrue(fonts.stream().anyMatch(f -> f.contains("WenQuanYiMicroHei")), "the Chinese font: " + fonts);
        }
    }

    @Test
    void aYearMissingOrOutOfRangeIsNamedAndOnlyMarketAndLeaderRead() {
        for (String path : List.of(YEAR, YEAR + ".xlsx", YEAR + ".pdf")) {
            as(MARKET).get(path).then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("year"));
            as(MARKET).queryParam("year", 1999).get(path).then().statusCode(400).body("errors[0].field", equalTo("year"))
                    .body("errors[0].message", containsString("2000"));
            as(MARKET).queryParam("year", 9999).get(path).then().statusCode(400).body("errors[0].field", equalTo("year"));
            as(MARKET).queryParam("year", "二〇二四").get(path).then().statusCode(400).body("errors[0].field", equalTo("year"));
            as(MARKET).header("Accept-Language", "en").queryParam("year", 1999).get(path).then().statusCode(400)
                    .body("errors[0].message", containsString("between"));
            as(TECH).queryParam("year", 2024).get(path).then().statusCode(403);
            as(SCHED).queryParam("year", 2024).get(path).then().statusCode(403);
            as("audi").queryParam("year", 2024).get(path).then().statusCode(403);
        }
    }

    private void postTheYear() {
        if (posted) {
            return;
        }
        posted = true;
        long i1 = item("OPINION", "PHONE", "客户甲", "2024-01-08T09:00:00", "审核时间安排");
        at("2024-01-08T13:00:00");
        step(MARKET, i1, "triage", Map.of("class", "A_UNREASONABLE"));
        at("2024-01-09T09:00:00");
        step(MARKET, i1, "close", Map.of("explanation", "审核时间由认证规则规定，已向客户说明"));

        long i2 = item("AFTER_SALES", "FORM", "客户乙", "2024-02-05T09:00:00", "审核时间安排", "证书邮寄");
        at("2024-02-05T11:00:00");
        step(MARKET, i2, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "technical-committee"));
        at("2024-02-07T09:00:00");
        step(TECH, i2, "resolve", Map.of("resolution", "已补寄证书"));

        long i3 = item("VALUE_ADDED", "VISIT", "客户丙", "2024-03-04T09:00:00", "二方审核培训", "证书邮寄");
        at("2024-03-04T17:00:00");
        step(MARKET, i3, "triage", Map.of("class", "C_BEYOND_AUTHORITY"));
        at("2024-03-05T10:00:00");
        step(LEADER, i3, "decide", Map.of("decision", "同意提供培训", "department", "technical-committee"));
        at("2024-03-08T09:00:00");
        step(TECH, i3, "resolve", Map.of("resolution", "培训已完成"));

        long i4 = item("COMPLAINT", "PHONE", "客户丁", "2024-03-11T09:00:00", "审核时间安排");
        at("2024-03-12T09:00:00");
        step(MARKET, i4, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "audit-scheduling"));
        at("2024-03-14T21:00:00");
        step(SCHED, i4, "resolve", Map.of("resolution", "已调整审核日期并致歉"));

        long i5 = item("AFTER_SALES", "E_DOCUMENT", "客户乙", "2024-06-03T09:00:00", "证书邮寄");
        at("2024-06-03T10:00:00");
        step(MARKET, i5, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "technical-committee"));

        long i6 = item("APPEAL", "OTHER", "客户戊", "2024-07-01T09:00:00", "审核时间安排");
        at("2024-07-02T15:00:00");
        step(MARKET, i6, "triage", Map.of("class", "A_UNREASONABLE", "explanation", "申诉事项不属于认证决定"));

        item("VALUE_ADDED", "PHONE", "客户己", "2024-12-31T23:30:00", "二方审核培训");
        item("OPINION", "PHONE", "客户庚", "2025-01-01T00:30:00", "审核时间安排");
        clock.reset();
    }

    private static Map<String, Integer> counts(JsonPath s, String list) {
        Map<String, Integer> counts = new HashMap<>();
        List<Map<String, Object>> rows = s.getList(list);
        for (Map<String, Object> row : rows) {
            assertFalse(counts.containsKey((String) row.get("key")), "one row per key: " + rows);
            counts.put((String) row.get("key"), ((Number) row.get("count")).intValue());
        }
        return counts;
    }

    private static BigDecimal decimal(JsonPath s, String path) {
        return new BigDecimal(String.valueOf((Object) s.get(path))).setScale(2);
    }
}
