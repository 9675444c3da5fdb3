package com.certcare.feedback.item;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.certcare.testsupport.Tokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Builders and steps for the feedback tests, each call as a named user with real signed tokens. The users:
 * market {@code mei} and {@code lan}, leader {@code zhao}, department users {@code tech} (technical-committee),
 * {@code sched} and {@code sched2} (audit-scheduling), auditor {@code audi}; the departments come from the test
 * profile's certcare.feedback.access.user-departments.
 */
public final class Feedback {

    public static final String ITEMS = "/api/feedback";
    public static final String MARKET = "mei";
    public static final String MARKET_2 = "lan";
    public static final String LEADER = "zhao";
    public static final String TECH = "tech";
    public static final String SCHED = "sched";

    private Feedback() {
    }

    public static RequestSpecification as(String user) {
        String[] roles = switch (user) {
            case "mei", "lan", "wu-market" -> new String[] { "market" };
            case "zhao" -> new String[] { "leader" };
            case "audi" -> new String[] { "auditor" };
            case "wang" -> new String[] { "market", "leader" };
            default -> new String[] { "department" };
        };
        return given().header("Authorization", "Bearer " + Tokens.forUser(user, roles));
    }

    public static Map<String, Object> body(String kind, String words) {
        Map<String, Object> b = new HashMap<>();
        b.put("prospectName", "意向客户有限公司");
        b.put("kind", kind);
        b.put("channel", "PHONE");
        b.put("words", words);
        return b;
    }

    /** Posted as {@code user} (201); the item. */
    public static JsonPath post(String user, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).when().post(ITEMS).then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath post(String user, String kind) {
        return post(user, body(kind, "客户反映：" + kind + " " + UUID.randomUUID()));
    }

    public static int version(long id) {
        return as(MARKET).when().get(ITEMS + "/" + id).then().statusCode(200).extract().jsonPath().getInt("version");
    }

    /** {@code step} on the item as {@code user} with the current version; the answer, expected {@code status}. */
    public static io.restassured.response.ValidatableResponse step(String user, long id, String step,
            Map<String, Object> body, int status) {
        Map<String, Object> b = new HashMap<>(body);
        b.putIfAbsent("version", version(id));
        return as(user).contentType(ContentType.JSON).body(b).when().post(ITEMS + "/" + id + "/" + step).then()
                .statusCode(status);
    }

    public static JsonPath step(String user, long id, String step, Map<String, Object> body) {
        return step(user, id, step, body, 200).extract().jsonPath();
    }
}
