package com.certcare.survey.response;

import static com.certcare.survey.Surveys.WAIT;
import static com.certcare.survey.Surveys.as;
import static com.certcare.survey.Surveys.answers;
import static com.certcare.survey.Surveys.body;
import static com.certcare.survey.Surveys.campaign;
import static com.certcare.survey.Surveys.dispatchOf;
import static com.certcare.survey.Surveys.dueClient;
import static com.certcare.survey.Surveys.market;
import static com.certcare.survey.Surveys.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.certcare.survey.GreenMailResource;
import com.certcare.survey.Surveys;
import com.certcare.testsupport.EventContracts;
import com.certcare.testsupport.KafkaTopics;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Answers: by the one-time link (no login) or entered by market from phone or fax; one answer per dispatch, ever, even
 * when two arrive at once; answers checked against the template version (named answers.&lt;code&gt;, zh-CN or en); the
 * index computed by hand; a low answer emits SurveyLowScore on the real broker, exactly per the platform's contract.
 */
@QuarkusTest
class AnswersTest {

    static RequestSpecification link(String token) {
        return RestAssured.given().basePath("/api/public/surveys/" + token);
    }

    /** A client invited by e-mail; returns its link's token. */
    static String invited(String name) throws Exception {
        String address = "answer-" + UUID.randomUUID() + "@example.cn";
        dueClient(name, address);
        campaign();
        return token(GreenMailResource.await(address, 1, WAIT).get(0));
    }

    static long responses(long dispatchId) {
        return QuarkusTransaction.requiringNew().call(() -> SurveyResponse.count("dispatchId", dispatchId));
    }

    @Test
    void theLinkShowsTheQuestionsAndTakesOneAnswer() throws Exception {
        String token = invited("镇江己仪表有限公司");
        link(token).get().then().statusCode(200)
                .body("customerName", equalTo("镇江己仪表有限公司"))
                .body("formNumber", equalTo("GBCX-16-03"))
                .body("title", equalTo("认证客户满意度调查表"))
                .body("questions", hasSize(18))
                .body("questions[0].text", equalTo("市场部人员的服务态度"))
                .body("questions[0].type", equalTo("LIKERT"));
        link(token).header("Accept-Language", "en").get().then().statusCode(200)
                .body("questions[0].text", equalTo("The market department staff's attitude"))
                .body("questions.find { it.code == 'Q16' }.options.code", hasItems("YES", "MAYBE", "NO"));

        Map<String, Object> full = new java.util.LinkedHashMap<>(answers(4));
        full.put("Q04", 5);
        full.put("Q17", List.of("TRAINING", "OTHER"));
        full.put("Q18", "审核安排及时");
        long responseId = link(token).contentType(ContentType.JSON).body(body(full)).post().then().statusCode(201)
                .body("channel", equalTo("ONLINE")).body("score", equalTo(77.34f)).extract().jsonPath()
                .getLong("responseId");
        // every answer stored as given, each question once (written in one statement)
        List<?> stored = QuarkusTransaction.requiringNew().call(() -> SurveyResponse.getEntityManager().createNativeQuery(
                "select question_code || '|' || coalesce(dimension, '') || '|' || coalesce(cast(weight as text), '') || '|'"
                        + " || coalesce(cast(likert as text), '') || '|' || coalesce(choices, '') || '|' || coalesce(text_value, '')"
                        + " from survey_answer where response_id = ?1 order by question_code")
                .setParameter(1, responseId).getResultList());
        assertEquals(18, stored.size(), stored.toString());
        assertEquals("Q01|ATTITUDE|1.00|4||", stored.get(0));
        assertEquals("Q04|PROFESSIONALISM|1.50|5||", stored.get(3));
        assertEquals("Q16||||YES|", stored.get(15));
        assertEquals("Q17||||TRAINING,OTHER|", stored.get(16));
        assertEquals("Q18|||||审核安排及时", stored.get(17));
        link(token).contentType(ContentType.JSON).body(body(answers(5))).post().then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("调查已填写"))
                .body("detail", containsString("只能填写一次"));
        link(token).header("Accept-Language", "en").get().then().statusCode(409)
                .body("title", equalTo("Survey already answered"));
        assertEquals(77, QuarkusTransaction.requiringNew()
                .call(() -> SurveyResponse.<SurveyResponse> findById(responseId)).score.intValue());
    }

    @Test
    void anUnknownLinkIsA404Problem() {
        link("abc").get().then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("survey-link-unknown"));
        link("A".repeat(43)).contentType(ContentType.JSON).body(body(answers(4))).post().then().statusCode(404)
                .body("code", equalTo("survey-link-unknown"));
    }

    @Test
    void answersAreCheckedAgainstTheTemplateAndNamed() throws Exception {
        String token = invited("泰州庚船舶有限公司");
        Map<String, Object> bad = answers(4);
        bad.put("Q01", 6);
        bad.put("Q03", "5");
        bad.remove("Q02");
        bad.put("Q99", 3);
        bad.put("Q16", "PERHAPS");
        bad.put("Q17", List.of("TRAINING", "TRAINING"));
        link(token).header("Accept-Language", "en").contentType(ContentType.JSON).body(body(bad)).post().then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("answers.Q01", "answers.Q02", "answers.Q03", "answers.Q99",
                        "answers.Q16", "answers.Q17"))
                .body("errors.find { it.field == 'answers.Q01' }.message", equalTo("Must be a whole number from 1 to 5"))
                .body("errors.find { it.field == 'answers.Q99' }.message", equalTo("The questionnaire has no question \"Q99\""));
        link(token).contentType(ContentType.JSON).body(body(bad)).post().then().statusCode(400)
                .body("errors.find { it.field == 'answers.Q01' }.message", equalTo("必须是 1 到 5 的整数"));
        link(token).contentType(ContentType.JSON).body("{}").post().then().statusCode(400)
                .body("errors[0].field", equalTo("answers"));
        link(token).contentType(ContentType.JSON).body("").post().then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        link(token).contentType(ContentType.JSON).body(body(answers(4))).post().then().statusCode(201);
    }

    @Test
    void twoAnswersSentAtOnceMakeExactlyOne() throws Exception {
        String token = invited("南通辛建材有限公司");
        long dispatchId = QuarkusTransaction.requiringNew().call(() -> ((Number) SurveyResponse.getEntityManager()
                .createNativeQuery("select dispatch_id from survey_link where token_hash = encode(sha256(convert_to(?1, 'UTF8')), 'hex')")
                .setParameter(1, token).getSingleResult()).longValue());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(pool.submit(() -> {
                    start.await();
                    return link(token).contentType(ContentType.JSON).body(body(answers(3))).post().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : posts) {
                statuses.add(f.get());
            }
            Collections.sort(statuses);
            assertEquals(List.of(201, 409, 409, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, responses(dispatchId));
    }

    @Test
    void marketEntersAPhoneAnswerOnceAndOthersMayNot() throws Exception {
        long client = dueClient("盐城壬纸业有限公司", null);
        long dispatch = dispatchOf(campaign(), client);
        String path = "/api/surveys/dispatches/" + dispatch + "/responses";
        Map<String, Object> phone = Map.of("channel", "PHONE", "answers", answers(5));
        as("leader").contentType(ContentType.JSON).body(phone).post(path).then().statusCode(403);
        as("auditor").contentType(ContentType.JSON).body(phone).post(path).then().statusCode(403);
        market().contentType(ContentType.JSON).body(Map.of("channel", "ONLINE", "answers", answers(5))).post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        market().contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "answers", answers(5))).post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        market().contentType(ContentType.JSON).body(Map.of("channel", "PHONE")).post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("answers"));
        market().contentType(ContentType.JSON).body(phone).post(path).then().statusCode(201)
                .body("channel", equalTo("PHONE")).body("score", equalTo(100.0f));
        market().contentType(ContentType.JSON).body(Map.of("channel", "FAX", "answers", answers(1))).post(path)
                .then().statusCode(409).body("code", equalTo("survey-already-answered"));
        market().get("/api/surveys/dispatches/" + dispatch).then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("answeredChannel", equalTo("PHONE"));
        market().contentType(ContentType.JSON).body(phone).post("/api/surveys/dispatches/999999/responses").then()
                .statusCode(404);
        assertEquals(1, responses(dispatch));
    }

    /**
     * Q01–Q15 answered 5,4,3,5,2,4,3,4,5,1,4,3,4,5,4 with weights 1 except Q04 and Q05 (1.5): Σw = 16,
     * Σw·(s−1) = 4+3+2+6+1.5+3+2+3+4+0+3+2+3+4+3 = 43.5, index = 43.5 / 16 / 4 × 100 = 67.96875 → 67.97. Items below
     * 50: Q10 (1 → 0) and Q05 (2 → 25), lowest first.
     */
    @Test
    void theIndexIsTheWeightedMeanAndALowItemEmitsSurveyLowScorePerTheContract() throws Exception {
        long client = dueClient("宿迁癸酿酒有限公司", null);
        long dispatch = dispatchOf(campaign(), client);
        int[] scores = { 5, 4, 3, 5, 2, 4, 3, 4, 5, 1, 4, 3, 4, 5, 4 };
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            a.put(String.format("Q%02d", i + 1), scores[i]);
        }
        a.put("Q16", "MAYBE");
        a.put("Q17", List.of("TRAINING", "REGULATIONS"));
        a.put("Q18", "审核日期临时变更，通知太晚。");
        JsonPath receipt = market().contentType(ContentType.JSON).body(Map.of("channel", "FAX", "answers", a))
                .post("/api/surveys/dispatches/" + dispatch + "/responses").then().statusCode(201).extract().jsonPath();
        assertEquals("67.97", receipt.getString("score"));
        String responseId = receipt.getString("responseId");

        var records = KafkaTopics.await("surveys", r -> responseId.equals(r.key()) && r.value().contains("\"SurveyLowScore\""), 1, WAIT);
        String message = records.get(0).value();
        EventContracts.check("contracts/SurveyLowScore.json", message);
        JsonNode data = Surveys.JSON.readTree(message).get("data");
        assertEquals(responseId, data.get("surveyResponseId").asText());
        assertEquals(String.valueOf(dispatch), data.get("dispatchId").asText());
        assertEquals(client, data.get("customerId").asLong());
        assertEquals("宿迁癸酿酒有限公司", data.get("customerName").asText());
        assertEquals("67.97", data.get("score").decimalValue().toPlainString());
        assertEquals(50, data.get("threshold").asInt());
        assertEquals("Q10", data.get("lowItems").get(0).get("questionCode").asText());
        assertEquals(0, data.get("lowItems").get(0).get("score").asInt());
        assertEquals("Q05", data.get("lowItems").get(1).get("questionCode").asText());
        assertEquals(25, data.get("lowItems").get(1).get("score").asInt());
        assertEquals(2, data.get("lowItems").size());
        assertEquals("审核日期临时变更，通知太晚。", data.get("comment").asText());
        assertTrue(data.get("quarter").asText().matches("20[0-9]{2}-Q[1-4]"));

        // a satisfied answer: SurveyAnswered only
        long otherClient = dueClient("淮安子电机有限公司", null);
        long other = dispatchOf(campaign(), otherClient);
        String highId = market().contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "answers", answers(4)))
                .post("/api/surveys/dispatches/" + other + "/responses").then().statusCode(201).extract().jsonPath()
                .getString("responseId");
        KafkaTopics.await("surveys", r -> highId.equals(r.key()) && r.value().contains("\"SurveyAnswered\""), 1, WAIT);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) SurveyResponse.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where type = 'SurveyLowScore' and aggregate_key = ?1")
                .setParameter(1, highId).getSingleResult()).longValue()));
    }
}
