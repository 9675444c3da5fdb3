package com.certcare.customer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.platform.web.HeavyReads;
import com.certcare.testsupport.HeldTurns;
import com.certcare.testsupport.TableLock;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.response.Response;

/**
 * Heavy reads (the list, statistics, the public directory) take turns, the anonymous directory in a lane of its own:
 * with every turn of a lane held, each of its reads waits the configured time and is answered 503 database-busy with Retry-After, having done nothing (bad input still gets its
 * 400 at once), or is refused at once when the configured number already wait (here 1); a list whose caller closes
 * the connection while it waits (without a thread) leaves the queue at once, without running its queries;
 * once the turns come free the list answers again. A heavy read whose statement runs past the time limit (here
 * 2 s: a table lock held) is stopped by PostgreSQL and answered 503 query-timeout.
 */
@QuarkusTest
class HeavyReadsTest {

    @Inject
    HeavyReads heavyReads;

    @Inject
    HeavyReads.Config config;

    @Inject
    MeterRegistry meters;

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "mei", roles = "market")
    void anonymousCallersTakeTurnsInTheirOwnLane() throws Exception {
        try (HeldTurns held = HeldTurns.hold(config.anonymous().concurrent(), read -> heavyReads.runAnonymous(read))) {
            HeavyReads.Counts before = heavyReads.anonymousCounts();
            given().header("Accept-Language", "en").when().get("/api/public/directory").then().statusCode(503)
                    .header("Retry-After", "2").body("code", is("database-busy"));
            // a flood of the public does not make the staff wait
            given().when().get("/api/customers").then().statusCode(200).time(lessThan(1500L));
            assertEquals(before.refused() + 1, heavyReads.anonymousCounts().refused());
            assertEquals(before.ran(), heavyReads.anonymousCounts().ran());
        }
        given().when().get("/api/public/directory").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "mei", roles = "market")
    void aReadPastItsTimeLimitIsStoppedInPostgreSqlAndAnswered503() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (TableLock lock = TableLock.hold(dataSource, "client")) {
            Future<ExtractableResponse<Response>> list = caller.submit(() -> given().header("Accept-Language", "en")
                    .when().get("/api/customers").then().extract());
            // without the limit the list would wait for the lock, i.e. until it is released below
            ExtractableResponse<Response> answer = list.get(10, TimeUnit.SECONDS);
            assertEquals(503, answer.statusCode());
            assertEquals("application/problem+json", answer.contentType());
            assertEquals("2", answer.header("Retry-After"));
            assertEquals("query-timeout", answer.path("code"));
            assertEquals("Query took too long", answer.path("title"));
            given().when().get("/api/public/directory").then().statusCode(503).body("title", is("查询超时"));
            assertEquals(0, lock.waiting(), "the stopped reads wait no more in PostgreSQL");
        } finally {
            caller.shutdownNow();
        }
        given().when().get("/api/customers").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "mei", roles = "market")
    void aListWaitsItsTurnIsRefusedAfterTheWaitAndIsDroppedWhenItsCallerLeft() throws Exception {
        HeavyReads.Counts refused;
        try (HeldTurns held = HeldTurns.hold(config.concurrent(), read -> heavyReads.run(read))) {
            HeavyReads.Counts before = heavyReads.counts();
            given().header("Accept-Language", "en").when().get("/api/customers").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "2")
                    .body("code", is("database-busy")).body("title", is("Service busy"));
            given().when().get("/api/customers/statistics?groupBy=PROVINCE").then().statusCode(503)
                    .body("title", is("服务繁忙"));
            // the public directory takes turns in a lane of its own: the staff's turns all taken, it still answers
            given().when().get("/api/public/directory?q=abc").then().statusCode(200);
            // bad input is checked before the wait: 400 naming the field at once, even now
            given().when().get("/api/customers?sort=nope").then().statusCode(400).body("errors[0].field", is("sort"))
                    .time(lessThan(1500L));
            given().when().get("/api/customers/statistics/expiring?days=-5").then().statusCode(400)
                    .body("errors[0].field", is("days")).time(lessThan(1500L));
            given().when().get("/api/public/directory?size=100000").then().statusCode(400)
                    .body("errors[0].field", is("size")).time(lessThan(1500L));
            refused = heavyReads.counts();
            assertEquals(before.refused() + 2, refused.refused(), "the two refused after the wait");
            assertEquals(before.ran(), refused.ran(), "neither ran");

            // a caller that gives up while its list waits for a turn
            double resets = resets();
            try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/customers?q=abc HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300);
                assertEquals(config.concurrent(), threadsInside(HeavyReads.class),
                        "the waiting list holds no thread: only the turns' holders are in HeavyReads");
                // with that one waiting (max-waiting=1 in tests), the next is refused without waiting its 2 s
                given().when().get("/api/customers").then().statusCode(503).header("Retry-After", "2")
                        .time(lessThan(1500L));
            }
            // every turn still held (and its 2 s wait not over): it can only have left the queue, not been dropped at
            // a turn; a list that stayed would be refused at the end of its wait instead
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
            while (heavyReads.counts().abandoned() == refused.abandoned() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            HeavyReads.Counts after = heavyReads.counts();
            assertEquals(refused.abandoned() + 1, after.abandoned(), "the list whose caller left left the queue");
            assertEquals(refused.refused() + 1, after.refused(), "only the one beyond max-waiting refused");
            assertEquals(refused.ran(), after.ran(), "nothing ran but the holders");
            assertEquals(0.0, lane("waiting"), "nobody waits any more");
            // Quarkus REST cancelled it when the connection closed: counted as a reset request, not a 500
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (resets() == resets && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(resets + 1, resets(), "one reset request on /api/customers");
        }
        given().when().get("/q/metrics").then().statusCode(200)
                .body(not(containsString("status=\"500\",uri=\"/api/customers\"")));
        given().when().get("/api/customers").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "mei", roles = "market")
    void callersLeavingAtAnyMomentLoseNoTurn() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                int stayMillis = i % 40; // gone while waiting, while reading, after the answer
                calls.add(callers.submit(() -> {
                    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                        socket.getOutputStream().write(("GET /api/customers?q=abc HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        Thread.sleep(stayMillis);
                    }
                    return null;
                }));
            }
            for (Future<Object> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        // every turn comes back (a lost one would stay taken) and nobody is left waiting
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((lane("running") > 0 || lane("waiting") > 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0.0, lane("running"), "turns taken after every caller left");
        assertEquals(0.0, lane("waiting"), "reads waiting after every caller left");
        // and all can be held at once (more than configured: the list would not be refused), then the list answers
        try (HeldTurns held = HeldTurns.hold(config.concurrent(), read -> heavyReads.run(read))) {
            given().when().get("/api/customers").then().statusCode(503);
        }
        given().when().get("/api/customers").then().statusCode(200);
    }

    /** A gauge of the staff lane: certcare.heavy.reads.running or .waiting. */
    private double lane(String gauge) {
        return meters.get("certcare.heavy.reads." + gauge).tag("lane", "staff").gauge().value();
    }

    /** Requests to the customer list that ended with the connection closed before an answer. */
    private double resets() {
        var timer = meters.find("http.server.requests").tag("uri", "/api/customers").tag("status", "RESET").timer();
        return timer == null ? 0 : timer.count();
    }

    /**
     * Threads of this JVM (the app's and the test's) with a frame of {@code type} (or a nested class) on their stack:
     * the fewest of five looks 20 ms apart (a thread passing through, e.g. taking a turn, is not counted).
     */
    private static long threadsInside(Class<?> type) throws InterruptedException {
        long fewest = Long.MAX_VALUE;
        for (int look = 0; look < 5; look++) {
            fewest = Math.min(fewest, Thread.getAllStackTraces().values().stream()
                    .filter(stack -> Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith(type.getName())))
                    .count());
            Thread.sleep(20);
        }
        return fewest;
    }
}
