package com.certcare.feedback.topic;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.LEADER;
import static com.certcare.feedback.item.Feedback.MARKET;
import static com.certcare.feedback.item.Feedback.SCHED;
import static com.certcare.feedback.item.Feedback.TECH;
import static com.certcare.feedback.item.Feedback.as;
import static com.certcare.feedback.item.Feedback.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.certcare.feedback.item.Feedback;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Topics on items: market sets them (normalised, sorted, duplicates merged), the item's version moves and its history
 * shows topics old → new; a stale version is 409 and changes nothing; a department reads the topics of its own items
 * only (404 otherwise) and never sets them (403); the topic list counts items and distinct clients.
 */
@QuarkusTest
class ItemTopicsTest {

    static io.restassured.response.ValidatableResponse put(String user, long id, Object body) {
        return as(user).contentType(ContentType.JSON).body(body).put(ITEMS + "/" + id + "/topics").then();
    }

    @Test
    void marketSetsNormalisedTopicsAndTheItemsHistoryShowsThem() {
        String tag = "证书邮寄" + UUID.randomUUID().toString().substring(0, 6);
        long id = post(TECH, "AFTER_SALES").getLong("id");
        int version = Feedback.version(id);
        put(MARKET, id, Map.of("topics", List.of("ＩＳＯ　９００１", tag, " ISO 9001 "), "version", version)).statusCode(200)
                .body("topics", equalTo(List.of("ISO 9001", tag))).body("version", equalTo(version + 1));
        as(MARKET).get(ITEMS + "/" + id + "/history").then().statusCode(200)
                .body("items.find { it.field == 'topics' }.newValue", equalTo("ISO 9001, " + tag))
                .body("items.find { it.field == 'topics' }.changedBy", equalTo("mei"));
        put(MARKET, id, Map.of("topics", List.of("旧版本"), "version", version)).statusCode(409).body("code", equalTo("stale"));
        as(TECH).get(ITEMS + "/" + id + "/topics").then().statusCode(200).body("topics", equalTo(List.of("ISO 9001", tag)));
        as(LEADER).queryParam("q", tag).get(ITEMS + "/topics").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].topic", equalTo(tag)).body("items[0].items", equalTo(1))
                .body("items[0].clients", equalTo(1));
        put(MARKET, id, Map.of("topics", List.of())).statusCode(200).body("topics", hasSize(0));
        assertEquals(0, as(MARKET).queryParam("q", tag).get(ITEMS + "/topics").jsonPath().getInt("total"));
    }

    @Test
    void theInboxFiltersByTopicWithinWhatTheCallerSees() {
        String tag = "证书寄送延误" + UUID.randomUUID().toString().substring(0, 6);
        long theirs = post(TECH, "AFTER_SALES").getLong("id");
        long ours = post(SCHED, "AFTER_SALES").getLong("id");
        long untagged = post(SCHED, "AFTER_SALES").getLong("id");
        put(MARKET, theirs, Map.of("topics", List.of(tag))).statusCode(200);
        put(MARKET, ours, Map.of("topics", List.of(tag, "其他"))).statusCode(200);
        as(MARKET).queryParam("topic", tag).get(ITEMS).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", equalTo(List.of((int) ours, (int) theirs)));
        // a department sees the topic's items of its own department only
        as(SCHED).queryParam("topic", tag).get(ITEMS).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) ours));
        assertEquals(0, as(MARKET).queryParam("topic", tag + "x").get(ITEMS).jsonPath().getInt("total"));
        as(MARKET).queryParam("topic", "审".repeat(41)).get(ITEMS).then().statusCode(400)
                .body("errors.field", hasItem("topic"));
        assertEquals(untagged, as(SCHED).get(ITEMS + "/" + untagged).jsonPath().getLong("id"));
    }

    @Test
    void aDepartmentReadsOnlyItsOwnItemsTopicsAndSetsNone() {
        long theirs = post(TECH, "OPINION").getLong("id");
        put(MARKET, theirs, Map.of("topics", List.of("审核员态度"))).statusCode(200);
        as(SCHED).get(ITEMS + "/" + theirs + "/topics").then().statusCode(404).body("code", equalTo("not-found"));
        as(SCHED).get(ITEMS + "/999999999/topics").then().statusCode(404).body("code", equalTo("not-found"));
        put(TECH, theirs, Map.of("topics", List.of("自己加的"))).statusCode(403);
        put(SCHED, theirs, Map.of("topics", List.of("越权"))).statusCode(403);
        as(TECH).get(ITEMS + "/topics").then().statusCode(403);
        as(TECH).get(ITEMS + "/" + theirs + "/topics").then().statusCode(200).body("topics", equalTo(List.of("审核员态度")));
    }

    @Test
    void badTopicsAreNamedInChineseAndEnglishAndChangeNothing() {
        long id = post(TECH, "OPINION").getLong("id");
        int version = Feedback.version(id);
        as(MARKET).contentType(ContentType.JSON).put(ITEMS + "/" + id + "/topics").then().statusCode(400)
                .body("errors.field", hasItem("body"));
        put(MARKET, id, Map.of("version", version)).statusCode(400).body("errors.field", hasItem("topics"));
        put(MARKET, id, Map.of("topics", List.of("好", "审".repeat(41), "\u0007"))).statusCode(400)
                .body("errors.field", equalTo(List.of("topics[1]", "topics[2]")))
                .body("errors[0].message", equalTo("不能超过 40 个字符"));
        as(MARKET).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("topics", List.of("审".repeat(41)))).put(ITEMS + "/" + id + "/topics").then().statusCode(400)
                .body("errors[0].field", equalTo("topics[0]")).body("errors[0].message", org.hamcrest.Matchers.containsString("40"));
        put(MARKET, id, Map.of("topics", "不是列表")).statusCode(400);
        assertEquals(version, Feedback.version(id));
        as(MARKET).get(ITEMS + "/" + id + "/topics").then().body("topics", hasSize(0));
    }
}
