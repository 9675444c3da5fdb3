package com.certcare.gateway.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.certcare.gateway.StubBackendResource;
import com.certcare.gateway.limits.PublicRateLimit;
import com.certcare.gateway.routing.GatewayConfig;
import com.certcare.gateway.routing.NotableRequestLog;
import com.certcare.gateway.routing.RouteTable;
import com.certcare.testsupport.Tokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Stopping the gateway: the requests under way finish, a request that arrives meanwhile is answered 503 with
 * Retry-After and its connection closed, and a request that does not finish in time does not hold the stop up.
 * Run on a second front server of the test's gateway (same route table, back ends and token check), so the one
 * the other tests use keeps answering.
 */
@QuarkusTest
@QuarkusTestResource(StubBackendResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ShutdownDrainTest {

    @Inject
    Vertx vertx;
    @Inject
    GatewayConfig config;
    @Inject
    RouteTable routes;
    @Inject
    PublicRateLimit publicRate;
    @Inject
    TokenCheck tokens;
    @Inject
    NotableRequestLog log;
    @Inject
    MeterRegistry registry;

    FrontServer stopping;
    HttpClient http;
    String token;

    @BeforeEach
    void aSecondFrontServer() throws Exception {
        stopping = new FrontServer(vertx, config, routes, publicRate, tokens, log, registry, Optional.of(1));
        stopping.start(null);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        token = Tokens.forUser("mei", "market");
    }

    @AfterEach
    void stopIt() {
        stopping.stop(null);
    }

    @Test
    void requestsUnderWayFinishWhileNewOnesAreTurnedAway() throws Exception {
        // a slow-prefix path: the stub answers after 2.5 s, within the 5-minute limit of such paths
        CompletableFuture<HttpResponse<String>> slow = underWay("/api/customers/import?ms=2500");

        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> stopping.drain(Duration.ofSeconds(10)));
        String refused = awaitRefused();
        assertTrue(refused.contains("Content-Type: application/problem+json"), refused);
        assertTrue(refused.contains("urn:certcare:problem:gateway-stopping"), refused);
        assertTrue(refused.contains("Retry-After: "), refused);
        assertTrue(refused.contains("Access-Control-Allow-Origin: http://localhost:5173"), "the SPA may read it: " + refused);
        assertFalse(drained.isDone(), "the stop waits for the request under way");

        HttpResponse<String> answered = slow.get(10, TimeUnit.SECONDS);
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals("/api/customers/import?ms=2500", new JsonObject(answered.body()).getString("uri"));
        assertEquals("close", answered.headers().firstValue("Connection").orElse(""),
                "an answer given while stopping tells its caller not to reuse the connection");
        assertTrue(drained.get(5, TimeUnit.SECONDS), "nothing left under way once it has been answered");
    }

    /** What Quarkus calls on SIGTERM: the request under way is answered whole before the port closes. */
    @Test
    void theStopItselfDrainsBeforeClosingThePort() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = underWay("/api/customers/import?ms=1500");
        int port = stopping.port();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> stopping.stop(null));

        HttpResponse<String> answered = slow.get(10, TimeUnit.SECONDS); // cut off, it would throw
        assertEquals(200, answered.statusCode(), answered.body());
        stopped.get(10, TimeUnit.SECONDS);
        assertThrows(java.net.ConnectException.class, () -> new Socket("localhost", port).close(), "the port is closed");
    }

    @Test
    void aRequestThatDoesNotFinishInTimeDoesNotHoldTheStopUp() throws Exception {
        // the stub never answers; the gateway's own limit (1 s in tests) is not reached before the stop gives up
        CompletableFuture<HttpResponse<String>> stalled = underWay("/api/customers/stall");
        long start = System.nanoTime();
        assertFalse(stopping.drain(Duration.ofMillis(300)), "one request still under way");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis >= 300 && tookMillis < 900, "gave up after its time: " + tookMillis + " ms");
        assertEquals(504, stalled.get(10, TimeUnit.SECONDS).statusCode());
    }

    /** Sends a GET to the stopping server and returns once the gateway counts it under way. */
    private CompletableFuture<HttpResponse<String>> underWay(String path) throws InterruptedException {
        int before = routes.inFlight().count();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(get(path), HttpResponse.BodyHandlers.ofString());
        // polled every 10 ms, not test-support's 100: the stop's own time limits (300 ms) leave little to spare
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (routes.inFlight().count() <= before) {
            assertTrue(System.nanoTime() < deadline, path + " not under way");
            Thread.sleep(10);
        }
        return answer;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stopping.port() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).build();
    }

    /**
     * A new request on a new connection (asking to keep it) once the stop has begun on another thread: its whole
     * answer, read until the gateway closes the connection (a connection left open fails the read's time limit).
     */
    private String awaitRefused() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try (Socket socket = new Socket("localhost", stopping.port())) {
                socket.setSoTimeout(5000);
                socket.getOutputStream().write(("GET /api/customers/1 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Origin: http://localhost:5173\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.UTF_8);
                if (status.equals("HTTP/1.1 503")) {
                    return status + new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                }
                // answered before the stop began (and the connection kept open): try again
            }
            assertTrue(System.nanoTime() < deadline, "no 503 while stopping");
            Thread.sleep(20);
        }
    }
}
