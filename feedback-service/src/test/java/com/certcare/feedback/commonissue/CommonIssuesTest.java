package com.certcare.feedback.commonissue;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.LEADER;
import static com.certcare.feedback.item.Feedback.MARKET;
import static com.certcare.feedback.item.Feedback.SCHED;
import static com.certcare.feedback.item.Feedback.TECH;
import static com.certcare.feedback.item.Feedback.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.certcare.feedback.TestClock;
import com.certcare.feedback.item.Feedback;
import com.certcare.testsupport.EventContracts;
import com.certcare.testsupport.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Common issues (4.6): a topic on items of three distinct clients is one, two clients (however many items) are not;
 * market forwards it in one action to a department and the management representative (CommonIssueForwarded on the
 * broker, valid against its schema, without the note); the department sees and answers only what is addressed to it
 * (404 for any other, on every endpoint taking an id); the leader answers for the management representative; then the
 * forwarding and the common issue read ANSWERED; past its due time an open forwarding is overdue.
 */
@QuarkusTest
public class CommonIssuesTest {

    static final String FORWARDINGS = ITEMS + "/common-issues/forwardings";

    @Inject
    TestClock clock;
    @Inject
    DataSource db;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    /** An item about {@code client} (a prospect) tagged with {@code topic}; its id. */
    public static long tagged(String client, String topic) {
        Map<String, Object> body = Feedback.body("OPINION", client + "反映：" + topic);
        body.put("prospectName", client);
        long id = Feedback.post(TECH, body).getLong("id");
        as(MARKET).contentType(ContentType.JSON).body(Map.of("topics", List.of(topic))).put(ITEMS + "/" + id + "/topics")
                .then().statusCode(200);
        return id;
    }

    static String unique(String topic) {
        return topic + UUID.randomUUID().toString().substring(0, 8);
    }

    public static JsonPath forward(String topic, List<String> recipients) {
        return as(MARKET).contentType(ContentType.JSON)
                .body(Map.of("topic", topic, "recipients", recipients, "note", "请研究改进审核计划的通知方式"))
                .post(FORWARDINGS).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aTopicOfThreeClientsIsACommonIssueAndTwoClientsAreNot() {
        String common = unique("审核通知太晚");
        String few = unique("发票抬头");
        tagged("甲公司" + common, common);
        tagged("乙公司" + common, common);
        tagged("丙公司" + common, common);
        tagged("甲公司" + common, common);
        for (int i = 0; i < 3; i++) {
            tagged("丁公司" + few, few);
        }
        tagged("戊公司" + few, few);
        as(LEADER).get(ITEMS + "/common-issues").then().statusCode(200)
                .body("minClients", equalTo(3))
                .body("items.find { it.topic == '" + common + "' }.clients", equalTo(3))
                .body("items.find { it.topic == '" + common + "' }.items", equalTo(4))
                .body("items.find { it.topic == '" + common + "' }.tracking", equalTo("NOT_FORWARDED"))
                .body("items.topic", not(hasItem(few)));
        as(MARKET).contentType(ContentType.JSON).body(Map.of("topic", few, "recipients", List.of("technical-committee")))
                .post(FORWARDINGS).then().statusCode(400).body("errors[0].field", equalTo("topic"))
                .body("errors[0].message", containsString("不是共性问题"));
        as(TECH).get(ITEMS + "/common-issues").then().statusCode(403);
    }

    @Test
    void aForwardedCommonIssueIsTrackedUntilEachRecipientAnswers() throws Exception {
        String topic = unique("证书换证周期长");
        for (String client : List.of("星澜精密", "华东电子", "北方机械")) {
            tagged(client + topic, topic);
        }
        JsonPath f = forward("  " + topic + " ", List.of("technical-committee", "management-representative"));
        long id = f.getLong("id");
        assertEquals(topic, f.getString("topic"));
        assertEquals("OPEN", f.getString("state"));
        assertEquals(3, f.getInt("clients"));
        assertEquals(List.of("management-representative", "technical-committee"), f.getList("recipients.department"));

        String envelope = KafkaTopics.await("feedback", r -> ("forwarding-" + id).equals(r.key())
                && r.value().contains("\"CommonIssueForwarded\""), 1, Duration.ofSeconds(20)).get(0).value();
        EventContracts.check("schemas/events/CommonIssueForwarded.json", envelope);
        assertFalse(envelope.contains("请研究"), "no note in the event: " + envelope);
        assertTrue(envelope.contains(topic), envelope);

        as(LEADER).get(ITEMS + "/common-issues").then()
                .body("items.find { it.topic == '" + topic + "' }.tracking", equalTo("OPEN"))
                .body("items.find { it.topic == '" + topic + "' }.forwardingId", equalTo((int) id));
        as(TECH).queryParam("state", "OPEN").queryParam("size", 200).get(FORWARDINGS).then().statusCode(200)
                .body("items.id", hasItem((int) id));
        answer(TECH, id, Map.of("answer", "技术委员会将在下季度修订换证流程")).statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("recipients.find { it.department == 'technical-committee' }.answeredBy", equalTo("tech"));
        answer(TECH, id, Map.of("answer", "再答一次")).statusCode(409).body("code", equalTo("already-answered"));
        answer(LEADER, id, Map.of("answer", "管代同意，列入年度改进计划")).statusCode(200)
                .body("state", equalTo("ANSWERED")).body("answeredAt", org.hamcrest.Matchers.notNullValue());
        as(MARKET).get(ITEMS + "/common-issues").then()
                .body("items.find { it.topic == '" + topic + "' }.tracking", equalTo("ANSWERED"));
        as(MARKET).get(FORWARDINGS + "/" + id + "/history").then().statusCode(200)
                .body("items.find { it.field == 'answer.management-representative' }.changedBy", equalTo("zhao"))
                .body("items.find { it.field == 'state' && it.newValue == 'ANSWERED' }.changedBy", equalTo("zhao"));
    }

    @Test
    void aDepartmentSeesAndAnswersOnlyForwardingsAddressedToIt() {
        String topic = unique("审核组成员变更");
        for (String client : List.of("甲", "乙", "丙")) {
            tagged(client + topic, topic);
        }
        long id = forward(topic, List.of("technical-committee")).getLong("id");
        for (long probe : new long[] { id, 999_999_999L }) {
            as(SCHED).get(FORWARDINGS + "/" + probe).then().statusCode(404).body("code", equalTo("not-found"));
            as(SCHED).get(FORWARDINGS + "/" + probe + "/history").then().statusCode(404).body("code", equalTo("not-found"));
            answer(SCHED, probe, Map.of("answer", "越权答复")).statusCode(404).body("code", equalTo("not-found"));
        }
        as(SCHED).queryParam("size", 200).get(FORWARDINGS).then().statusCode(200).body("items.id", not(hasItem((int) id)));
        as(TECH).get(FORWARDINGS + "/" + id).then().statusCode(200).body("recipients[0].answered", equalTo(false));
        answer(LEADER, id, Map.of("answer", "管代")).statusCode(409).body("code", equalTo("not-a-recipient"));
        as(TECH).contentType(ContentType.JSON).body(Map.of("topic", topic, "recipients", List.of("audit-scheduling")))
                .post(FORWARDINGS).then().statusCode(403);
        as("audi").get(FORWARDINGS).then().statusCode(403);
        // market records the department's answer on its behalf, naming it; the history says so
        answer(MARKET, id, Map.of("answer", "电话答复：已调整")).statusCode(400).body("errors[0].field", equalTo("department"));
        answer(MARKET, id, Map.of("answer", "电话答复：已调整", "department", "audit-scheduling")).statusCode(400)
                .body("errors[0].field", equalTo("department")).body("errors[0].message", containsString("不是该转发的接收方"));
        answer(MARKET, id, Map.of("answer", "电话答复：已调整", "department", "technical-committee")).statusCode(200)
                .body("state", equalTo("ANSWERED"))
                .body("recipients[0].answeredBy", equalTo("mei"));
        as(TECH).get(FORWARDINGS + "/" + id + "/history").then().statusCode(200)
                .body("items.find { it.field == 'answer.technical-committee' }.reason",
                        equalTo("recorded on behalf of technical-committee"));
    }

    @Test
    void anOpenForwardingPastItsDueTimeIsOverdue() {
        String topic = unique("回访不及时");
        for (String client : List.of("甲", "乙", "丙")) {
            tagged(client + topic, topic);
        }
        long id = forward(topic, List.of("audit-scheduling")).getLong("id");
        as(SCHED).get(FORWARDINGS + "/" + id).then().body("overdue", equalTo(false));
        clock.advance(Duration.ofDays(15)); // 10 working days are at most 14 calendar days without holidays
        as(SCHED).queryParam("overdue", true).queryParam("size", 200).get(FORWARDINGS).then().statusCode(200)
                .body("items.id", hasItem((int) id));
        as(MARKET).get(ITEMS + "/common-issues").then()
                .body("items.find { it.topic == '" + topic + "' }.overdue", equalTo(true));
        answer(SCHED, id, Map.of("answer", "已安排专人回访")).statusCode(200).body("overdue", equalTo(false));
    }

    @Test
    void badForwardingsAreNamedInChineseAndEnglish() {
        as(MARKET).contentType(ContentType.JSON).post(FORWARDINGS).then().statusCode(400).body("errors.field", hasItem("body"));
        as(MARKET).contentType(ContentType.JSON).body(Map.of("note", "x")).post(FORWARDINGS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("topic", "recipients")));
        as(MARKET).contentType(ContentType.JSON)
                .body(Map.of("topic", "审".repeat(41), "recipients", List.of("Technical Committee", "market", "market", "")))
                .post(FORWARDINGS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("topic", "recipients[0]", "recipients[2]", "recipients[3]")))
                .body("errors[1].message", containsString("小写字母"));
        as(MARKET).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("topic", "x", "recipients", List.of("Market")))
                .post(FORWARDINGS).then().statusCode(400)
                .body("errors[0].field", equalTo("recipients[0]")).body("errors[0].message", containsString("lower-case"));
        as(MARKET).queryParam("state", "CLOSED").get(FORWARDINGS).then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        as(MARKET).contentType(ContentType.JSON).body(Map.of("answer", "")).post(FORWARDINGS + "/1/answer").then()
                .statusCode(400).body("errors.field", hasItem("answer"));
        as(MARKET).get(FORWARDINGS + "/999999999").then().statusCode(404).body("detail", not(nullValue()));
    }

    private static io.restassured.response.ValidatableResponse answer(String user, long id, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).body(body).post(FORWARDINGS + "/" + id + "/answer").then();
    }
}
