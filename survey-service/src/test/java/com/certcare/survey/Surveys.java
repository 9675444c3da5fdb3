package com.certcare.survey;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;

import com.certcare.survey.client.SurveyDue;
import com.certcare.testsupport.KafkaTopics;
import com.certcare.testsupport.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Builders and steps the tests share: customer events on the broker, campaigns, links from the mails, answers. */
public final class Surveys {

    public static final Duration WAIT = Duration.ofSeconds(20);
    public static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern LINK = Pattern.compile("http://localhost:5173/survey/([A-Za-z0-9_-]{43})");
    private static final AtomicLong CUSTOMER_IDS = new AtomicLong(700_000 + (System.nanoTime() % 1000) * 1000);
    private static final AtomicInteger QUARTERS = new AtomicInteger();

    private Surveys() {
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(Tokens.forUser(role + "-user", role));
    }

    public static RequestSpecification market() {
        return as("market");
    }

    /** A quarter no other test of the run uses (campaigns are one per quarter). */
    public static String freshQuarter() {
        int n = QUARTERS.getAndIncrement();
        return (2030 + n / 4) + "-Q" + (n % 4 + 1);
    }

    public static long nextCustomerId() {
        return CUSTOMER_IDS.incrementAndGet();
    }

    /** A CustomerRegistered envelope as customer-service writes it (schemas/events/CustomerRegistered.json). */
    public static String registered(long customerId, String name, String email) throws Exception {
        return registered(customerId, name, email, "320000", List.of("18.05.01", "19.09.00"));
    }

    /** A CustomerRegistered envelope for a client in {@code province} with these professional codes. */
    public static String registered(long customerId, String name, String email, String province,
            List<String> professionalCodes) throws Exception {
        Map<String, Object> contact = new java.util.LinkedHashMap<>();
        contact.put("name", "张三");
        contact.put("phone", "13800138000");
        contact.put("email", email);
        contact.put("primary", true);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("customerId", customerId);
        data.put("name", name);
        data.put("creditCode", "91320100MA1XXXXX0X");
        data.put("provinceCode", province);
        data.put("city", "南京");
        data.put("professionalCodes", professionalCodes);
        data.put("primaryContact", contact);
        return envelope(UUID.randomUUID(), "CustomerRegistered", customerId, data);
    }

    /**
     * Grades a client as customer-service announces it — a CustomerUpdated whose changed field is {@code grade}
     * (its schemas/events/CustomerUpdated.json) — and waits until the copy has it.
     */
    public static void graded(long customerId, String name, String province, List<String> professionalCodes,
            String grade) throws Exception {
        Map<String, Object> customer = JSON.readValue(registered(customerId, name, null, province, professionalCodes),
                Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) customer.get("data");
        data.put("grade", grade);
        Map<String, Object> updated = new java.util.LinkedHashMap<>();
        updated.put("customer", data);
        updated.put("changedFields", List.of("grade"));
        KafkaTopics.send("customers", String.valueOf(customerId),
                envelope(UUID.randomUUID(), "CustomerUpdated", customerId, updated));
        KafkaTopics.eventually(WAIT, () -> assertEquals(grade, QuarkusTransaction.requiringNew()
                .call(() -> com.certcare.survey.client.SurveyClient.<com.certcare.survey.client.SurveyClient> findById(
                        customerId).grade), "customer " + customerId + " graded"));
    }

    /** A CertificationStatusChanged envelope (schemas/events/CertificationStatusChanged.json). */
    public static String statusChanged(UUID eventId, long customerId, long certificationId, String scheme, String from,
            String to) throws Exception {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("customerId", customerId);
        data.put("certificationId", certificationId);
        data.put("scheme", scheme);
        data.put("certificateNo", "QMS-" + certificationId);
        data.put("from", from);
        data.put("to", to);
        data.put("reason", null);
        data.put("issuedOn", "2026-03-15");
        data.put("expiresOn", "2029-03-14");
        return envelope(eventId, "CertificationStatusChanged", customerId, data);
    }

    static String envelope(UUID id, String type, long customerId, Object data) throws Exception {
        Map<String, Object> e = new java.util.LinkedHashMap<>();
        e.put("id", id.toString());
        e.put("type", type);
        e.put("source", "customer-service");
        e.put("time", Instant.now().toString());
        e.put("subject", String.valueOf(customerId));
        e.put("schemaVersion", 1);
        e.put("data", data);
        return JSON.writeValueAsString(e);
    }

    public static SurveyDue due(long customerId) {
        return QuarkusTransaction.requiringNew().call(() -> SurveyDue.<SurveyDue> findById(customerId));
    }

    /** A client registered and certified VALID on the broker, waited for until it is due. Returns its id. */
    public static long dueClient(String name, String email) throws Exception {
        return dueClient(name, email, "320000", "QMS", List.of("18.05.01", "19.09.00"));
    }

    /** A client of {@code province} whose {@code scheme} became VALID, due a survey. Returns its id. */
    public static long dueClient(String name, String email, String province, String scheme, List<String> codes)
            throws Exception {
        long id = nextCustomerId();
        KafkaTopics.send("customers", String.valueOf(id), registered(id, name, email, province, codes));
        KafkaTopics.send("customers", String.valueOf(id), statusChanged(UUID.randomUUID(), id, id * 10, scheme, "AUDITING", "VALID"));
        KafkaTopics.eventually(WAIT, () -> assertNotNull(due(id), "customer " + id + " due"));
        return id;
    }

    /**
     * Starts a campaign for a fresh quarter as market, with the questionnaire's first version (other tests append
     * versions); returns the campaign.
     */
    public static JsonPath campaign() {
        return market().contentType(ContentType.JSON).body(Map.of("quarter", freshQuarter(), "templateVersion", 1))
                .post("/api/surveys/campaigns").then().statusCode(201).extract().jsonPath();
    }

    /** The dispatch id of {@code customerId} in the campaign (its dispatches read page by page, as the screen does). */
    public static long dispatchOf(JsonPath campaign, long customerId) {
        long id = campaign.getLong("id");
        for (int page = 1;; page++) {
            JsonPath listed = market().queryParam("page", page).queryParam("size", 200)
                    .get("/api/surveys/campaigns/" + id + "/dispatches").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = listed.getList("items");
            java.util.Optional<Long> found = items.stream()
                    .filter(d -> ((Number) d.get("customerId")).longValue() == customerId)
                    .map(d -> ((Number) d.get("id")).longValue()).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if ((long) page * 200 >= listed.getLong("total")) {
                throw new AssertionError("no dispatch for " + customerId + " in campaign " + id);
            }
        }
    }

    /** The one-time token in a mail. */
    public static String token(Message mail) {
        String text = GreenMailResource.text(mail);
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), "a survey link in: " + text);
        return m.group(1);
    }

    /** Answers every LIKERT item of the default template with {@code score}, plus the required choice. */
    public static Map<String, Object> answers(int score) {
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 15; i++) {
            a.put(String.format("Q%02d", i), score);
        }
        a.put("Q16", "YES");
        return a;
    }

    public static Map<String, Object> body(Map<String, Object> answers) {
        return Map.of("answers", answers);
    }
}
