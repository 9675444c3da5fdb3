package com.certcare.feedback.item;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.TECH;
import static com.certcare.feedback.item.Feedback.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A retried post (same caller, same Idempotency-Key) gets the first item back — 200, the same body, header
 * Idempotent-Replayed — never a second item; the key with another body is 409; another caller's key is its own.
 */
@QuarkusTest
class IdempotentPostTest {

    @Inject
    EntityManager em;

    private static Response post(String user, String key, Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).when().post(ITEMS);
    }

    private long items(String words) {
        return ((Number) em.createNativeQuery("select count(*) from feedback_item where words = ?1").setParameter(1, words)
                .getSingleResult()).longValue();
    }

    @Test
    void theSameKeyTwiceGivesTheFirstItemAndNeverASecond() {
        String key = UUID.randomUUID().toString();
        String words = "请寄送证书副本 " + key;
        Map<String, Object> body = Feedback.body("CERTIFICATE_OR_MARK", words);
        Response first = post(TECH, key, body);
        first.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/feedback/" + first.jsonPath().getLong("id")));
        assertNull(first.header("Idempotent-Replayed"));
        Response again = post(TECH, key, body);
        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(first.jsonPath().getLong("id"), again.jsonPath().getLong("id"));
        assertEquals(first.jsonPath().getString("reference"), again.jsonPath().getString("reference"));
        assertEquals(1, items(words));
    }

    @Test
    void theSameKeyWithAnotherBodyIs409AndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String words = "原始内容 " + key;
        post(TECH, key, Feedback.body("OPINION", words)).then().statusCode(201);
        post(TECH, key, Feedback.body("OPINION", words + "（改）")).then().statusCode(409)
                .body("code", equalTo("idempotency-key-reused"));
        assertEquals(1, items(words));
        assertEquals(0, items(words + "（改）"));
    }

    @Test
    void aKeyBelongsToItsCaller() {
        String key = UUID.randomUUID().toString();
        String words = "两个调用方同一个键 " + key;
        long a = post(TECH, key, Feedback.body("OPINION", words)).then().statusCode(201).extract().jsonPath().getLong("id");
        long b = post("sched", key, Feedback.body("OPINION", words)).then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(2, items(words));
        org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
    }

    @Test
    void theClientCredentialsAccountPostsAsItsConfiguredDepartment() {
        String account = "service-account-certcare-department-system";
        as(account).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Feedback.body("COMPLAINT", "系统转来的投诉")).when().post(ITEMS).then().statusCode(201)
                .body("department", equalTo("complaints-group")).body("recordedBy", equalTo(account));
    }

    @Test
    void aDepartmentUserWithoutADepartmentIs403() {
        as("nobody").contentType(ContentType.JSON).body(Feedback.body("OPINION", "无部门")).when().post(ITEMS).then()
                .statusCode(403).body("code", equalTo("no-department"));
    }

    @Test
    void twoPostsWithOneKeyAtOnceMakeOneItem() throws Exception {
        String key = UUID.randomUUID().toString();
        String words = "同时重试 " + key;
        Map<String, Object> body = Feedback.body("AFTER_SALES", words);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.Callable<Response> call = () -> post(TECH, key, body);
            var answers = pool.invokeAll(java.util.Collections.nCopies(4, call));
            java.util.Set<Long> ids = new java.util.HashSet<>();
            int created = 0;
            for (var answer : answers) {
                Response r = answer.get();
                org.junit.jupiter.api.Assertions.assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.asString());
                created += r.statusCode() == 201 ? 1 : 0;
                ids.add(r.jsonPath().getLong("id"));
            }
            assertEquals(1, created);
            assertEquals(1, ids.size());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, items(words));
    }

    @Test
    void theTokensDepartmentClaimWinsOverTheConfiguredOne() {
        String token = io.quarkus.test.oidc.server.OidcWiremockTestResource.generateJwtToken("sched",
                java.util.Set.of("department"), "123456", "Bearer", java.util.Set.of("https://server.example.com"),
                Map.of("department", "legal-affairs"));
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Feedback.body("OPINION", "部门来自令牌")).when().post(ITEMS).then().statusCode(201)
                .body("department", equalTo("legal-affairs"));
    }
}
