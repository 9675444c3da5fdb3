package com.certcare.customer.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;
import com.certcare.platform.time.ClockProducer;
import com.certcare.testsupport.Tokens;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The HTTP adapter against a real local endpoint that fails some calls: a record answered 503 is tried again and
 * sent; one refused with 400 is FAILED with the answer and not tried again; every record reaches the endpoint with
 * success exactly once (nothing lost, nothing sent twice), each under its own Idempotency-Key.
 */
@QuarkusTest
class ReportSenderTest {

    @Inject
    ReportSender sender;

    private static RequestSpecification market() {
        return given().header("Authorization", "Bearer " + Tokens.forUser("market-user", "market"));
    }

    /** A certificate issued now: one ISSUE record. Returns its record's id. */
    private static long issued(String number) {
        long customer = market().contentType(ContentType.JSON).body(TestData.customer("适配器测试" + number + "有限公司"))
                .post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        TestData.CertificationBody body = TestData.certification("QMS").valid(number, LocalDate.of(2026, 3, 15));
        body.put("status", "AUDITING");
        JsonPath c = market().contentType(ContentType.JSON).body(body).post("/api/customers/" + customer + "/certifications")
                .then().statusCode(201).extract().jsonPath();
        market().contentType(ContentType.JSON).body(Map.of("to", "VALID", "version", c.getInt("version"), "reason", "决定"))
                .post("/api/customers/" + customer + "/certifications/" + c.getLong("id") + "/transitions").then().statusCode(200);
        return c.getLong("id");
    }

    private static Map<String, Object> recordOf(long certificationId) {
        List<Map<String, Object>> all = NationalReportsTest.month(YearMonth.now(ClockProducer.ZONE).toString());
        return all.stream().filter(r -> ((Number) r.get("certificationId")).longValue() == certificationId).findFirst()
                .orElseThrow();
    }

    @Test
    void retriesWhatFailedForNowFailsWhatWasRefusedAndSendsEachOnce() throws IOException {
        String tag = TestData.tag();
        long flaky = issued("ADP-A-" + tag);
        long fine = issued("ADP-B-" + tag);
        long refused = issued("ADP-C-" + tag);
        String flakyKey = "certcare-report-" + recordOf(flaky).get("id");
        String refusedKey = "certcare-report-" + recordOf(refused).get("id");

        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        Map<String, String> bodies = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/reports", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            int n = calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            bodies.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = key.equals(refusedKey) ? 400 : key.equals(flakyKey) && n == 1 ? 503 : 200;
            if (status == 200) {
                accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            byte[] answer = (status == 400 ? "证书编号格式不符" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/reports");
            sender.sendPending(uri, 1000);
            sender.sendPending(uri, 1000); // the 503 once more, if the first round did not come back to it
            sender.sendPending(uri, 1000); // nothing left: nothing posted again
        } finally {
            server.stop(0);
        }
        assertEquals("SENT", recordOf(flaky).get("status"));
        assertEquals(2, ((Number) recordOf(flaky).get("attempts")).intValue());
        assertEquals("SENT", recordOf(fine).get("status"));
        assertEquals("adapter", recordOf(fine).get("sentBy"));
        Map<String, Object> failed = recordOf(refused);
        assertEquals("FAILED", failed.get("status"));
        assertTrue(String.valueOf(failed.get("lastError")).contains("HTTP 400"), String.valueOf(failed.get("lastError")));
        assertEquals(1, calls.get(refusedKey).get(), "a refused record is not tried again");
        assertTrue(accepted.values().stream().allMatch(a -> a.get() == 1), "each record accepted once: " + accepted);
        assertEquals(1, accepted.get(flakyKey).get());
        assertTrue(bodies.get(flakyKey).contains("\"证书编号\":\"ADP-A-" + tag.toUpperCase() + "\""), bodies.get(flakyKey));
        assertTrue(bodies.get(flakyKey).contains("\"证书状态\":\"有效\""), bodies.get(flakyKey));
    }
}
