package com.certcare.feedback.survey;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.MARKET;
import static com.certcare.feedback.item.Feedback.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.EventContracts;
import com.certcare.testsupport.KafkaTopics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * SurveyLowScore on the real broker, built from the example of its contract (the platform's
 * contracts/SurveyLowScore.json): one event opens one follow-up item for the market department; the same event
 * delivered again opens none; what cannot be read goes to the dead-letter topic with the reason.
 */
@QuarkusTest
class SurveyFollowUpTest {

    static final String SCHEMA = "contracts/SurveyLowScore.json";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    /** A SurveyLowScore envelope from the contract's example with this test's ids, checked against the contract. */
    static String lowScore(UUID eventId, String responseId, String comment) throws Exception {
        ObjectNode envelope = (ObjectNode) JSON.readTree(EventContracts.example(SCHEMA));
        envelope.put("id", eventId.toString()).put("subject", responseId).put("time", Instant.now().toString());
        ObjectNode data = (ObjectNode) envelope.get("data");
        data.put("surveyResponseId", responseId).put("comment", comment).put("answeredAt", Instant.now().toString());
        String message = JSON.writeValueAsString(envelope);
        EventContracts.check(SCHEMA, message);
        return message;
    }

    private static JsonPath followUps(String responseId) {
        return as(MARKET).queryParam("q", responseId).queryParam("size", 200).get(ITEMS).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aLowScoreOpensOneFollowUpItemForTheMarketDepartment() throws Exception {
        String response = "SR-T-" + UUID.randomUUID();
        KafkaTopics.send("surveys", response, lowScore(UUID.randomUUID(), response, "审核日期临时变更，通知太晚。"));
        KafkaTopics.eventually(WAIT, () -> assertEquals(1, followUps(response).getInt("total")));
        JsonPath item = followUps(response);
        assertEquals("SURVEY_FOLLOW_UP", item.getString("items[0].channel"));
        assertEquals("OPINION", item.getString("items[0].kind"));
        assertEquals("market", item.getString("items[0].department"));
        assertEquals("system:survey-service", item.getString("items[0].recordedBy"));
        assertEquals(1024, item.getInt("items[0].customerId"));
        assertEquals("RECEIVED", item.getString("items[0].status"));
        String words = item.getString("items[0].words");
        assertTrue(words.contains("综合得分 58.5") && words.contains("低于跟进阈值 70"), words);
        assertTrue(words.contains("Q07 审核组对审核时间安排的沟通 40 分"), words);
        assertTrue(words.contains("客户意见：审核日期临时变更，通知太晚。") && words.contains(response), words);
    }

    @Test
    void theSameEventTwiceOpensOneItem() throws Exception {
        String response = "SR-T-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String message = lowScore(eventId, response, null);
        KafkaTopics.send("surveys", response, message);
        KafkaTopics.send("surveys", response, message);
        // a marker behind them on the same partition (same key): once it has its item, both copies were consumed
        String marker = "SR-T-M-" + UUID.randomUUID();
        KafkaTopics.send("surveys", response, lowScore(UUID.randomUUID(), marker, null));
        KafkaTopics.eventually(WAIT, () -> assertEquals(1, followUps(marker).getInt("total")));
        assertEquals(1, followUps(response).getInt("total"));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String key = "dlq-" + UUID.randomUUID();
        ObjectNode envelope = (ObjectNode) JSON.readTree(lowScore(UUID.randomUUID(), key, null));
        ((ObjectNode) envelope.get("data")).remove("customerId");
        KafkaTopics.send("surveys", key, JSON.writeValueAsString(envelope));
        var dead = KafkaTopics.await("surveys.dlq.feedback-service", r -> key.equals(r.key()), 1, WAIT);
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("lacks a required field"), reason);

        String notJson = "nojson-" + UUID.randomUUID();
        KafkaTopics.send("surveys", notJson, "{\"type\":\"SurveyLowScore\",");
        KafkaTopics.await("surveys.dlq.feedback-service", r -> notJson.equals(r.key()), 1, WAIT);
        assertEquals(0, followUps(key).getInt("total"));
    }
}
