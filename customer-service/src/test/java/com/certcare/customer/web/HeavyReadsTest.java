package com.certcare.customer.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.platform.web.HeavyReads;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Heavy reads (the list, statistics, the public directory) take turns: with every permit held, each waits the
 * configured time and is answered 503 database-busy with Retry-After, having done nothing (bad input still gets its
 * 400 at once), or is refused at once when the configured number already wait (here 1); a list whose caller closes
 * the connection while it waits is dropped when its turn comes, without running its queries, and counted as 499;
 * once the permits come free the list answers again. A heavy read whose statement runs past the time limit (here
 * 1 s) is stopped by PostgreSQL and answered 503 query-timeout.
 */
@QuarkusTest
class HeavyReadsTest {

    @Inject
    HeavyReads heavyReads;

    @Inject
    HeavyReads.Config config;

    @Inject
    AgroalDataSource dataSource;

    @Test
    @TestSecurity(user = "mei", roles = "market")
    void aReadPastItsTimeLimitIsStoppedInPostgreSqlAndAnswered503() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement statement = writer.createStatement()) {
                // every read of the customers waits behind this lock, as behind a query that never ends
                statement.execute("lock table client in access exclusive mode");
            }
            Future<ExtractableResponse<Response>> list = caller.submit(() -> given().header("Accept-Language", "en")
                    .when().get("/api/customers").then().extract());
            // without the limit the list would wait for the lock, i.e. until the rollback below
            ExtractableResponse<Response> answer = list.get(10, TimeUnit.SECONDS);
            assertEquals(503, answer.statusCode());
            assertEquals("application/problem+json", answer.contentType());
            assertEquals("2", answer.header("Retry-After"));
            assertEquals("query-timeout", answer.path("code"));
            assertEquals("Query took too long", answer.path("title"));
            given().when().get("/api/public/directory").then().statusCode(503).body("title", is("查询超时"));
            try (Statement statement = writer.createStatement();
                    ResultSet waiting = statement.executeQuery("select count(*) from pg_locks where not granted")) {
                waiting.next();
                assertEquals(0, waiting.getInt(1), "the stopped reads wait no more in PostgreSQL");
            }
            writer.rollback();
        } finally {
            caller.shutdownNow();
        }
        given().when().get("/api/customers").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "mei", roles = "market")
    void aListWaitsItsTurnIsRefusedAfterTheWaitAndIsDroppedWhenItsCallerLeft() throws Exception {
        int permits = config.concurrent();
        CountDownLatch holding = new CountDownLatch(permits);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(permits);
        List<Future<?>> holders = new ArrayList<>();
        try {
            for (int i = 0; i < permits; i++) {
                holders.add(pool.submit(() -> heavyReads.run(() -> {
                    holding.countDown();
                    try {
                        return release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                })));
            }
            assertEquals(true, holding.await(10, TimeUnit.SECONDS), "the holders got every permit");

            HeavyReads.Counts before = heavyReads.counts();
            given().header("Accept-Language", "en").when().get("/api/customers").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "2")
                    .body("code", is("database-busy")).body("title", is("Service busy"));
            given().when().get("/api/customers/statistics?groupBy=PROVINCE").then().statusCode(503)
                    .body("title", is("服务繁忙"));
            given().when().get("/api/public/directory?q=abc").then().statusCode(503).body("code", is("database-busy"));
            // bad input is checked before the wait: 400 naming the field at once, even now
            given().when().get("/api/customers?sort=nope").then().statusCode(400).body("errors[0].field", is("sort"))
                    .time(lessThan(1500L));
            given().when().get("/api/customers/statistics/expiring?days=-5").then().statusCode(400)
                    .body("errors[0].field", is("days")).time(lessThan(1500L));
            given().when().get("/api/public/directory?size=100000").then().statusCode(400)
                    .body("errors[0].field", is("size")).time(lessThan(1500L));
            HeavyReads.Counts refused = heavyReads.counts();
            assertEquals(before.refused() + 3, refused.refused(), "the three refused after the wait");
            assertEquals(before.ran(), refused.ran(), "neither ran");

            // a caller that gives up while its list waits for a turn
            try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/customers?q=abc HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300);
                // with that one waiting (max-waiting=1 in tests), the next is refused without waiting its 2 s
                given().when().get("/api/customers").then().statusCode(503).header("Retry-After", "2")
                        .time(lessThan(1500L));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<?> holder : holders) {
                holder.get(10, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (heavyReads.counts().abandoned() == refused.abandoned() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            HeavyReads.Counts after = heavyReads.counts();
            assertEquals(refused.abandoned() + 1, after.abandoned(), "the list whose caller left was dropped at its turn");
            assertEquals(refused.refused() + 1, after.refused(), "the one beyond max-waiting refused");
            assertEquals(refused.ran(), after.ran(), "nothing ran but the holders");
            // logged and counted as nginx's 499 (caller closed), not as a 500 that reads as a fault
            given().when().get("/q/metrics").then().statusCode(200)
                    .body(containsString("status=\"499\",uri=\"/api/customers\""));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        given().when().get("/api/customers").then().statusCode(200);
    }
}
