package com.certcare.gateway;

import static com.certcare.testsupport.KafkaTopics.eventually;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.certcare.testsupport.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The gateway under the ways real callers and back ends misbehave (test limits in application.properties:
 * 8 connections per service, 16 waiting, 1 s to get a connection, 1 s of back-end silence, idle pooled
 * connections closed after 2 s). After each, a normal request must succeed, and nothing may be left
 * under way or open.
 */
@QuarkusTest
@QuarkusTestResource(StubBackendResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class GatewayUnderLoadTest {

    /** How long the gateway and the stub may take to settle after the callers are gone. */
    private static final Duration WITHIN = Duration.ofSeconds(15);

    @jakarta.inject.Inject
    com.certcare.gateway.front.FrontServer front;

    URI gateway;

    @org.junit.jupiter.api.BeforeEach
    void toThePublicPort() {
        io.restassured.RestAssured.port = front.port();
        gateway = URI.create("http://localhost:" + front.port() + "/");
    }

    @OidcWireMock
    WireMockServer identityProvider;

    @Test
    void callersThatDisconnectMidRequestLeaveNoBackendConnectionBehind() throws Exception {
        String token = Tokens.forUser("mei", "market");
        double leftBefore = Management.answers("499");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                int n = i;
                calls.add(pool.submit(() -> {
                    // a cancelled fetch: the request goes out, the caller closes (half of them with a reset)
                    String path = n % 4 == 0 ? "/api/customers/big?mb=8" : "/api/customers/slow?ms=" + (200 + n % 7 * 50);
                    try (Socket s = new Socket(gateway.getHost(), gateway.getPort())) {
                        s.setSoTimeout(3000);
                        if (n % 2 == 0) {
                            s.setSoLinger(true, 0);
                        }
                        OutputStream out = s.getOutputStream();
                        out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (n % 4 == 0) {
                            try {
                                s.getInputStream().readNBytes(100_000); // part of a download, then gone
                            } catch (java.net.SocketTimeoutException e) {
                                // a short answer (503) on a kept-alive connection: nothing more comes
                            }
                        } else {
                            Thread.sleep(20 + n % 5 * 40);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        given().auth().oauth2(token).when().get("/api/customers/1").then().statusCode(200);
        eventually(WITHIN, () -> assertEquals(0, liveness().getInt("checks.find { it.name == 'proxy' }.data.inFlight"),
                "requests left under way in the gateway"));
        eventually(WITHIN, () -> assertEquals(0, stub().getInt("pending"), "requests left unanswered at the back end"));
        // pooled connections are closed once idle for the keep-alive time (2 s in tests)
        eventually(WITHIN, () -> {
            JsonPath connections = stub();
            assertEquals(0, connections.getInt("open"), () -> "back-end connections left open: " + connections.prettify());
        });
        Management.given().when().get("/q/health/live").then().statusCode(200);
        // counted as callers that left before their answer (not as answers given)
        assertTrue(Management.answers("499") > leftBefore, "no caller counted as gone: " + Management.answers("499"));
    }

    @Test
    void overloadIsAnswered503WithRetryAfterNotQueuedWithoutBound() throws Exception {
        String token = Tokens.forUser("mei", "market");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(60);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<HttpResponse<String>> busy = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                calls.add(pool.submit(() -> http.send(HttpRequest.newBuilder(gateway.resolve("/api/customers/slow?ms=700"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> r = call.get(30, TimeUnit.SECONDS);
                statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                if (r.statusCode() == 503) {
                    busy.add(r);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 503), "only 200 and 503: " + statuses);
        assertTrue(statuses.containsKey(200), "some were served: " + statuses);
        assertTrue(!busy.isEmpty(), "more than the pool and its queue hold are refused: " + statuses);
        HttpResponse<String> one = busy.get(0);
        assertEquals("application/problem+json", one.headers().firstValue("Content-Type").orElse(""));
        assertTrue(one.headers().firstValue("Retry-After").isPresent());
        assertEquals("urn:certcare:problem:backend-overloaded", JsonPath.from(one.body()).getString("type"));

        given().auth().oauth2(token).when().get("/api/customers/1").then().statusCode(200);
    }

    @Test
    void aBackendThatStallsGives504WithinTheTimeLimitAndFreesTheConnection() {
        long start = System.nanoTime();
        given().auth().oauth2(Tokens.forUser("mei", "market")).header("Accept-Language", "en")
                .when().get("/api/customers/stall")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:certcare:problem:backend-timeout"))
                .body("title", equalTo("Service timed out"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 10_000, "answered after the 1 s limit, not when the caller gave up: " + ms + " ms");
        eventually(WITHIN, () -> assertEquals(0, stub().getInt("pending"), "the stalled request not reset at the back end"));
        given().auth().oauth2(Tokens.forUser("mei", "market")).when().get("/api/customers/1").then().statusCode(200);
    }

    @Test
    void aBackendThatIsDownGives502AsProblem() {
        given().auth().oauth2(Tokens.forUser("mei", "market"))
                .when().get("/api/surveys/ping")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:certcare:problem:backend-unavailable"))
                .body("title", equalTo("服务暂不可用"))
                .header("Retry-After", notNullValue());
    }

    @Test
    void streamsLargeBodiesBothWaysUnchanged() throws Exception {
        byte[] upload = new byte[8 * 1024 * 1024 + 17];
        new Random(7).nextBytes(upload);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(upload));
        given().auth().oauth2(Tokens.forUser("mei", "market"))
                .contentType("application/octet-stream").body(upload)
                .when().post("/api/customers/import?dryRun=true")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyLength", equalTo(upload.length))
                .body("bodySha256", equalTo(sha));
        byte[] download = given().auth().oauth2(Tokens.forUser("mei", "market"))
                .when().get("/api/customers/big?mb=8")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(8 * 1024 * 1024, download.length);
    }

    @Test
    void aForgedTokenIsRefusedWithoutAskingTheIdentityProvider() {
        String good = Tokens.forUser("mei", "market");
        given().auth().oauth2(good).when().get("/api/customers/1").then().statusCode(200); // keys loaded
        int before = identityProvider.getAllServeEvents().size();
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(Tokens.forged("mei", "market")).when().get("/api/customers/1").then().statusCode(401);
            given().auth().oauth2("not-a-jwt-" + i).when().get("/api/customers/1").then().statusCode(401);
        }
        assertEquals(before, identityProvider.getAllServeEvents().size(),
                "no call to the identity provider (introspection, user info, keys) for a bad token");
    }

    @Test
    void publicPathsAreRateLimitedPerClient() {
        // the test runs as a trusted proxy (127.0.0.1), so X-Forwarded-For names the client
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 60; i++) {
            var r = given().header("X-Forwarded-For", "203.0.113.9").when().get("/api/public/directory");
            if (r.statusCode() == 429) {
                limited++;
                retryAfter = r.header("Retry-After");
                assertEquals("application/problem+json", r.contentType());
            } else {
                assertEquals(200, r.statusCode());
            }
        }
        assertTrue(limited > 0, "a client past its burst is refused");
        assertTrue(retryAfter != null && Integer.parseInt(retryAfter) >= 1);
        given().header("X-Forwarded-For", "198.51.100.4").when().get("/api/public/directory").then().statusCode(200)
                .body("forwardedFor", equalTo("198.51.100.4, 127.0.0.1"));
        // a token-protected path is not limited this way
        given().auth().oauth2(Tokens.forUser("mei", "market")).header("X-Forwarded-For", "203.0.113.9")
                .when().get("/api/customers/1").then().statusCode(200);
    }

    /**
     * A caller that is not a trusted proxy cannot escape the limit by naming a new client in each request's
     * X-Forwarded-For: it counts as its own address, however many it names.
     */
    @Test
    void aCallerThatIsNoProxyCannotNameOtherClientsToEscapeTheLimit() throws Exception {
        int limited = 0;
        for (int i = 0; i < 60; i++) { // burst 20 and 5 a second in tests
            String answer = RawHttp.getFrom("127.0.0.2", front.port(), "/api/public/directory",
                    "X-Forwarded-For: 198.51.100." + (i + 10));
            if (answer.startsWith("HTTP/1.1 429")) {
                limited++;
                assertTrue(answer.contains("Retry-After:"), answer);
            } else {
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            }
        }
        assertTrue(limited > 0, "every request counted against 127.0.0.2, whatever client it named");
    }

    @Test
    void applyingAndReferenceLookupsHaveAStricterLimitPerClient() throws Exception {
        // applications-burst=3 in tests: three lookups or submissions pass, the fourth waits (≥ 10 s at 6 a minute)
        for (int i = 0; i < 3; i++) {
            int status = i == 1
                    ? given().header("X-Forwarded-For", "203.0.113.77").contentType("application/json")
                            .body("{}").when().post("/api/public/applications").statusCode()
                    : given().header("X-Forwarded-For", "203.0.113.77").when().get("/api/public/applications/SQ-2026-0000" + i)
                            .statusCode();
            assertTrue(status != 429, "request " + i + " within the burst: " + status);
        }
        var refused = given().header("X-Forwarded-For", "203.0.113.77").header("Origin", "http://localhost:5173")
                .header("X-Request-Id", "rate-77").when().get("/api/public/applications/SQ-2026-00009");
        assertEquals(429, refused.statusCode());
        assertEquals("application/problem+json", refused.contentType());
        // readable by the SPA's origin (CORS runs before the limit) and traceable by the caller's request id
        assertEquals("http://localhost:5173", refused.header("Access-Control-Allow-Origin"));
        assertEquals("rate-77", refused.header("X-Request-Id"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 5, "Retry-After " + refused.header("Retry-After"));
        given().header("X-Forwarded-For", "203.0.113.77").contentType("application/json").body("{}")
                .when().post("/api/public/applications").then().statusCode(429);
        // dot segments do not move a reference lookup to the general bucket
        String around = RawHttp.get(front.port(), "/api/public/documents/../applications/SQ-2026-00009",
                "X-Forwarded-For: 203.0.113.77");
        assertTrue(around.startsWith("HTTP/1.1 429"), around);
        String doubled = RawHttp.get(front.port(), "/api/public//applications/SQ-2026-00009", "X-Forwarded-For: 203.0.113.77");
        assertTrue(doubled.startsWith("HTTP/1.1 429"), doubled);
        // a browser's CORS preflight is answered before the limit (it reaches no service) and takes nothing from it
        given().header("X-Forwarded-For", "203.0.113.77").header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "X-Application-Secret")
                .when().options("/api/public/applications/SQ-2026-00009").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        // the blank form and other public pages are not counted against it; another client is not affected
        given().header("X-Forwarded-For", "203.0.113.77").when().get("/api/public/applications/form").then()
                .statusCode(org.hamcrest.Matchers.not(429));
        given().header("X-Forwarded-For", "203.0.113.77").when().get("/api/public/documents").then()
                .statusCode(org.hamcrest.Matchers.not(429));
        given().header("X-Forwarded-For", "198.51.100.77").when().get("/api/public/applications/SQ-2026-00009").then()
                .statusCode(org.hamcrest.Matchers.not(429));
    }

    @Test
    void unknownApiPathsAreAProblemNotAPlainPage() {
        given().auth().oauth2(Tokens.forUser("mei", "market")).header("X-Request-Id", "lost-1")
                .when().get("/api/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").header("X-Request-Id", "lost-1");
    }

    private JsonPath stub() {
        String url = ConfigProvider.getConfig().getValue("stub.url", String.class);
        return given().baseUri(url).port(URI.create(url).getPort()).when().get("/stub/connections").then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath liveness() {
        return Management.given().when().get("/q/health/live").then().extract().jsonPath();
    }
}
