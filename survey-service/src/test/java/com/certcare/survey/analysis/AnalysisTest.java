package com.certcare.survey.analysis;

import static com.certcare.survey.Surveys.WAIT;
import static com.certcare.survey.Surveys.answers;
import static com.certcare.survey.Surveys.as;
import static com.certcare.survey.Surveys.dispatchOf;
import static com.certcare.survey.Surveys.dueClient;
import static com.certcare.survey.Surveys.graded;
import static com.certcare.survey.Surveys.market;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.certcare.survey.Surveys;
import com.certcare.testsupport.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The quarterly and annual figures on a data set worked out by hand (below), the minimum-group rule (5) with the
 * secondary suppression of a split, the previous quarter beside each figure, serious events from the real broker
 * counted once per item in the year they were recorded (Asia/Shanghai), roles, CSV and bad parameters.
 *
 * <pre>
 * 2097-Q4: five clients of 320000/QMS, every item 3           → each index 50, quarter 50.00
 * 2098-Q1: A all 5 but Q04 (weight 1.5) = 1 → Σw(s−1) = 58, Σw = 16 → 90.625 → 90.63
 *          B 5 → 100; C 4, D 4 → 75; E 3 → 50        (A–E: 320000, QMS, codes 18.05.01 + 19.09.00)
 *          F 2 → 25 (330000, EMS, 29.12.00);  G 4 → 75 (110000, QMS, both codes);  H asked, no answer (320000, QMS)
 *          overall 490.63 / 7 = 70.09; dispatched 8, rate 87.50; change against 2097-Q4: +20.09
 *          320000: 390.63 / 5 = 78.13 (dispatched 6, rate 83.33); 330000 and 110000: one each → suppressed
 *          by scheme: EMS 1 → suppressed; QMS then the only other group → suppressed too (secondary)
 *          18.05.01: 465.63 / 6 = 77.61; 29.12.00: 1 → suppressed
 *          by grade (A–E, H: B; F: C; G: A): B 390.63 / 5 = 78.13 (dispatched 6); A and C one each → suppressed
 *          ATTITUDE (Q01–Q03, w 1): Σ(s−1) = 3 × 20 = 60 over 21 → 71.43, mean 81 / 21 = 3.86
 *          PROFESSIONALISM (Q04, Q05 w 1.5; Q06 w 1): Σw(s−1) = 74, Σw = 28 → 66.07, mean 77 / 21 = 3.67
 *          Q04: 1 5 4 4 3 2 4 → mean 3.29, distribution 1 1 1 3 1
 * 2098 serious events: S1 recorded 2098-03-01 (sent three times, twice with the same id), S2 2097-12-31T17:00Z
 *          (2098-01-01 01:00 in Shanghai); S3 2097-12-31T15:00Z (still 2097 there) → 2098: 2 events, deduction 4.00,
 *          figure 70.09 − 4 = 66.09 &lt; target 80; 2097: 50.00 − 2 = 48.00
 * </pre>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisTest {

    private boolean loaded;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void load() throws Exception {
        if (loaded) {
            return;
        }
        loaded = true;
        // whatever other tests left due goes into a campaign of its own, so these quarters hold only what is below;
        // quarters far ahead: Surveys.freshQuarter() counts up from 2030
        campaign("2097-Q3");

        List<Long> before = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            before.add(dueClient("分析前期客户" + i, null));
        }
        JsonPath q4 = campaign("2097-Q4");
        for (long c : before) {
            answer(dispatchOf(q4, c), answers(3));
        }

        List<String> both = List.of("18.05.01", "19.09.00");
        long a = dueClient("分析客户A", null, "320000", "QMS", both);
        long b = dueClient("分析客户B", null, "320000", "QMS", both);
        long c = dueClient("分析客户C", null, "320000", "QMS", both);
        long d = dueClient("分析客户D", null, "320000", "QMS", both);
        long e = dueClient("分析客户E", null, "320000", "QMS", both);
        long f = dueClient("分析客户F", null, "330000", "EMS", List.of("29.12.00"));
        long g = dueClient("分析客户G", null, "110000", "QMS", both);
        long h = dueClient("分析客户H", null, "320000", "QMS", both);
        // graded by customer-service (CustomerUpdated [grade]) before they are asked: A–E and H B, F C, G A
        String[] names = { "A", "B", "C", "D", "E", "H" };
        long[] gradedB = { a, b, c, d, e, h };
        for (int i = 0; i < gradedB.length; i++) {
            graded(gradedB[i], "分析客户" + names[i], "320000", both, "B");
        }
        graded(f, "分析客户F", "330000", List.of("29.12.00"), "C");
        graded(g, "分析客户G", "110000", both, "A");
        JsonPath q1 = campaign("2098-Q1");
        Map<String, Object> first = new LinkedHashMap<>(answers(5));
        first.put("Q04", 1);
        answer(dispatchOf(q1, a), first);
        answer(dispatchOf(q1, b), answers(5));
        answer(dispatchOf(q1, c), answers(4));
        answer(dispatchOf(q1, d), answers(4));
        answer(dispatchOf(q1, e), answers(3));
        answer(dispatchOf(q1, f), answers(2));
        answer(dispatchOf(q1, g), answers(4));
        dispatchOf(q1, h); // asked, never answers

        UUID once = UUID.randomUUID();
        serious(once, "S1-" + run, "2098-03-01T02:00:00Z");
        serious(once, "S1-" + run, "2098-03-01T02:00:00Z");
        serious(UUID.randomUUID(), "S1-" + run, "2098-03-02T02:00:00Z");
        serious(UUID.randomUUID(), "S2-" + run, "2097-12-31T17:00:00Z");
        serious(UUID.randomUUID(), "S3-" + run, "2097-12-31T15:00:00Z");
        KafkaTopics.eventually(WAIT, () -> market().queryParam("year", 2098).get("/api/surveys/annual").then()
                .body("seriousEvents", is(2)));
        KafkaTopics.eventually(WAIT, () -> market().queryParam("year", 2097).get("/api/surveys/annual").then()
                .body("seriousEvents", is(1)));
    }

    private static JsonPath campaign(String quarter) {
        return market().contentType(ContentType.JSON).body(Map.of("quarter", quarter, "templateVersion", 1))
                .post("/api/surveys/campaigns").then().statusCode(201).extract().jsonPath();
    }

    private static void answer(long dispatch, Map<String, Object> answers) {
        market().contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "answers", answers))
                .post("/api/surveys/dispatches/" + dispatch + "/responses").then().statusCode(201);
    }

    private static void serious(UUID eventId, String itemId, String recordedAt) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("itemId", itemId);
        data.put("reference", "FK-" + itemId);
        data.put("kind", "COMPLAINT");
        data.put("class", "B");
        data.put("customerId", 1L);
        data.put("customerName", "某客户");
        data.put("receivedAt", recordedAt);
        data.put("recordedAt", recordedAt);
        data.put("automatic", true);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", eventId.toString());
        e.put("type", "SeriousComplaintRecorded");
        e.put("source", "feedback-service");
        e.put("time", recordedAt);
        e.put("subject", itemId);
        e.put("schemaVersion", 1);
        e.put("data", data);
        KafkaTopics.send("feedback", itemId, Surveys.JSON.writeValueAsString(e));
    }

    @Test
    void theQuarterOverallAsComputedByHand() {
        market().queryParam("quarter", "2098-Q1").get("/api/surveys/aggregates").then().statusCode(200)
                .body("quarter", equalTo("2098-Q1")).body("previousQuarter", equalTo("2097-Q4"))
                .body("templateCode", equalTo("16-03")).body("templateVersion", is(1)).body("minGroupSize", is(5))
                .body("overall.suppressed", is(false))
                .body("overall.dispatched", is(8)).body("overall.responses", is(7))
                .body("overall.responseRate", equalTo(87.5f))
                .body("overall.index", equalTo(70.09f)).body("overall.previousIndex", equalTo(50.0f))
                .body("overall.change", equalTo(20.09f))
                .body("overall.dimensions.find { it.code == 'ATTITUDE' }.index", equalTo(71.43f))
                .body("overall.dimensions.find { it.code == 'ATTITUDE' }.mean", equalTo(3.86f))
                .body("overall.dimensions.find { it.code == 'ATTITUDE' }.name", equalTo("服务态度"))
                .body("overall.dimensions.find { it.code == 'ATTITUDE' }.previousIndex", equalTo(50.0f))
                .body("overall.dimensions.find { it.code == 'PROFESSIONALISM' }.index", equalTo(66.07f))
                .body("overall.dimensions.find { it.code == 'PROFESSIONALISM' }.mean", equalTo(3.67f))
                .body("overall.items.find { it.code == 'Q04' }.mean", equalTo(3.29f))
                .body("overall.items.find { it.code == 'Q04' }.answers", is(7))
                .body("overall.items.find { it.code == 'Q04' }.distribution", contains(1, 1, 1, 3, 1))
                .body("overall.items.find { it.code == 'Q01' }.distribution", contains(0, 1, 1, 3, 2))
                .body("overall.items.size()", is(15))
                .body("groups", empty());
        market().header("Accept-Language", "en").queryParam("quarter", "2098-Q1").get("/api/surveys/aggregates").then()
                .body("overall.dimensions.find { it.code == 'ATTITUDE' }.name", equalTo("Service attitude"));
    }

    @Test
    void segmentsBelowTheMinimumAreSuppressedNotRounded() {
        market().queryParam("quarter", "2098-Q1").queryParam("by", "PROVINCE").get("/api/surveys/aggregates").then()
                .statusCode(200)
                .body("groups.key", contains("110000", "320000", "330000"))
                .body("groups[0].suppressed", is(true)).body("groups[0].suppressedBecause", equalTo("SMALL"))
                .body("groups[0].index", nullValue()).body("groups[0].responses", nullValue())
                .body("groups[0].items", empty())
                .body("groups[1].suppressed", is(false)).body("groups[1].responses", is(5))
                .body("groups[1].dispatched", is(6)).body("groups[1].responseRate", equalTo(83.33f))
                .body("groups[1].index", equalTo(78.13f)).body("groups[1].previousIndex", equalTo(50.0f))
                .body("groups[1].change", equalTo(28.13f))
                .body("groups[2].suppressed", is(true));
        // one small scheme: the other would give it away (total − QMS = EMS), so it goes too
        market().queryParam("quarter", "2098-Q1").queryParam("by", "scheme").get("/api/surveys/aggregates").then()
                .body("groups.key", contains("EMS", "QMS"))
                .body("groups.suppressedBecause", contains("SMALL", "SECONDARY"))
                .body("groups[1].index", nullValue())
                .body("overall.index", equalTo(70.09f));
        // codes overlap (a client has several): no subtraction to fear
        market().queryParam("quarter", "2098-Q1").queryParam("by", "PROFESSIONAL_CODE").get("/api/surveys/aggregates")
                .then().body("groups.key", contains("18.05.01", "19.09.00", "29.12.00"))
                .body("groups[0].index", equalTo(77.61f)).body("groups[0].responses", is(6))
                .body("groups[2].suppressedBecause", equalTo("SMALL"));
        // by the grade each client had when asked (customer-service's events): A and C one answer each, suppressed;
        // two small groups, so B may show (the total less B is A and C together, neither alone); 2097-Q4 ungraded
        market().queryParam("quarter", "2098-Q1").queryParam("by", "GRADE").get("/api/surveys/aggregates").then()
                .statusCode(200).body("groups.key", contains("A", "B", "C"))
                .body("groups.suppressedBecause", contains("SMALL", null, "SMALL"))
                .body("groups[1].responses", is(5)).body("groups[1].dispatched", is(6))
                .body("groups[1].responseRate", equalTo(83.33f)).body("groups[1].index", equalTo(78.13f))
                .body("groups[1].previousIndex", nullValue());
        // a quarter nobody answered: nothing to show, and no error
        market().queryParam("quarter", "2099-Q2").get("/api/surveys/aggregates").then().statusCode(200)
                .body("templateCode", nullValue()).body("overall.suppressed", is(true));
    }

    @Test
    void theYearFromTheQuartersAndTheSeriousEvents() {
        market().queryParam("year", "2098").get("/api/surveys/annual").then().statusCode(200)
                .body("year", is(2098)).body("suppressed", is(false)).body("responses", is(7))
                .body("weighting", equalTo("RESPONSES"))
                .body("index", equalTo(70.09f)).body("seriousEvents", is(2)).body("deduction", equalTo(4.0f))
                .body("figure", equalTo(66.09f)).body("target", equalTo(80)).body("met", is(false))
                .body("quarters.quarter", contains("2098-Q1", "2098-Q2", "2098-Q3", "2098-Q4"))
                .body("quarters[0].index", equalTo(70.09f)).body("quarters[0].responseRate", equalTo(87.5f))
                .body("quarters[1].suppressed", is(true)).body("quarters[1].index", nullValue());
        as("leader").queryParam("year", "2097").get("/api/surveys/annual").then().statusCode(200)
                .body("index", equalTo(50.0f)).body("seriousEvents", is(1)).body("figure", equalTo(48.0f))
                .body("quarters[2].responses", nullValue()); // 2097-Q3: asked, nobody answered
    }

    @Test
    void auditorsReadAggregatesAndNoClientsAnswers() {
        String body = as("auditor").queryParam("quarter", "2098-Q1").queryParam("by", "PROVINCE")
                .get("/api/surveys/aggregates").then().statusCode(200).extract().asString();
        assertTrue(!body.contains("分析客户") && !body.contains("customerId") && !body.contains("dispatchId"), body);
        as("auditor").queryParam("year", "2098").get("/api/surveys/annual").then().statusCode(200)
                .body(not(containsString("某客户")));
        as("department").queryParam("quarter", "2098-Q1").get("/api/surveys/aggregates").then().statusCode(403);
        io.restassured.RestAssured.given().queryParam("quarter", "2098-Q1").get("/api/surveys/aggregates").then()
                .statusCode(401);
        // and the dispatches with the names stay closed to them
        as("auditor").get("/api/surveys/campaigns").then().statusCode(403);
    }

    @Test
    void csvForSpreadsheets() {
        String csv = as("auditor").queryParam("quarter", "2098-Q1").queryParam("by", "PROVINCE")
                .queryParam("format", "csv").get("/api/surveys/aggregates").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFFquarter,segment,group,level,code,name,suppressed,dispatched,responses,response_rate,mean,index,"
                + "previous_index,n1,n2,n3,n4,n5", lines.get(0));
        assertEquals("2098-Q1,NONE,ALL,group,,,no,8,7,87.50,,70.09,50.00,,,,,", lines.get(1));
        assertTrue(lines.contains("2098-Q1,PROVINCE,110000,group,,,yes,,,,,,,,,,,"), csv);
        assertTrue(lines.contains("2098-Q1,NONE,ALL,item,Q04,审核员的专业能力和对标准的理解,no,,7,,3.29,,,1,1,1,3,1"), csv);
        String annual = market().queryParam("year", "2098").queryParam("format", "csv").get("/api/surveys/annual").then()
                .statusCode(200).extract().asString();
        assertTrue(annual.contains("2098,no,,7,,70.09,2,4.00,66.09,80,no"), annual);
    }

    @Test
    void badParametersAreNamed() {
        market().queryParam("quarter", "2040-Q5").get("/api/surveys/aggregates").then().statusCode(400)
                .body("errors[0].field", equalTo("quarter"));
        market().get("/api/surveys/aggregates").then().statusCode(400).body("errors[0].field", equalTo("quarter"));
        market().header("Accept-Language", "en").queryParam("quarter", "2098-Q1").queryParam("by", "CITY")
                .get("/api/surveys/aggregates").then().statusCode(400).body("errors[0].field", equalTo("by"))
                .body("errors[0].message", containsString("PROFESSIONAL_CODE"));
        market().queryParam("quarter", "2098-Q1").queryParam("format", "xml").get("/api/surveys/aggregates").then()
                .statusCode(400).body("errors[0].field", equalTo("format"));
        market().queryParam("year", "99").get("/api/surveys/annual").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        market().get("/api/surveys/annual").then().statusCode(400).body("errors[0].field", equalTo("year"));
    }

    @Test
    void aNewAnswerShowsAtOnceThoughTheFiguresAreKept() throws Exception {
        List<Long> clients = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            clients.add(dueClient("缓存客户" + i, null));
        }
        JsonPath q = campaign("2096-Q1");
        for (int i = 0; i < 5; i++) {
            answer(dispatchOf(q, clients.get(i)), answers(5));
        }
        market().queryParam("quarter", "2096-Q1").get("/api/surveys/aggregates").then()
                .body("overall.responses", is(5)).body("overall.index", equalTo(100.0f));
        market().queryParam("quarter", "2096-Q1").get("/api/surveys/aggregates").then()
                .body("overall.responses", is(5)); // the kept figures
        answer(dispatchOf(q, clients.get(5)), answers(1));
        market().queryParam("quarter", "2096-Q1").get("/api/surveys/aggregates").then()
                .body("overall.responses", is(6)).body("overall.index", equalTo(83.33f))
                .body("overall.items.find { it.code == 'Q01' }.distribution", contains(1, 0, 0, 0, 5));
    }
}
