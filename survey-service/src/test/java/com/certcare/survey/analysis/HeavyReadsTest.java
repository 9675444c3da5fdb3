package com.certcare.survey.analysis;

import static com.certcare.survey.Surveys.as;
import static com.certcare.survey.Surveys.market;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The figures auditors and the market department pull (a quarter's aggregates, the year's figure) are heavy reads
 * (platform HeavyReads): with every turn taken they are answered 503 database-busy after the wait, having run
 * nothing, while a bad quarter or year keeps its 400 at once; a statement past the time limit (here 2 s: a table
 * lock held) is stopped by PostgreSQL and answered 503 query-timeout; afterwards the figures answer again.
 */
@QuarkusTest
class HeavyReadsTest {

    static final String QUARTER = "2097-Q2";

    @Inject
    HeavyReads heavyReads;

    @Inject
    HeavyReads.Config config;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theFiguresTakeTurnsAndStopAtTheirTimeLimit() throws Exception {
        try (HeldTurns held = HeldTurns.hold(config.concurrent(), read -> heavyReads.run(read))) {
            HeavyReads.Counts before = heavyReads.counts();
            as("auditor").header("Accept-Language", "en").queryParam("quarter", QUARTER).when()
                    .get("/api/surveys/aggregates").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "2").body("code", is("database-busy")).body("title", is("Service busy"));
            market().queryParam("year", 2097).when().get("/api/surveys/annual").then().statusCode(503)
                    .body("title", is("服务繁忙"));
            // checked before the wait: at once, even now
            market().queryParam("quarter", "2097-Q5").when().get("/api/surveys/aggregates").then().statusCode(400)
                    .body("errors[0].field", is("quarter")).time(lessThan(1500L));
            market().queryParam("year", 2097).queryParam("format", "xml").when().get("/api/surveys/annual").then()
                    .statusCode(400).body("errors[0].field", is("format")).time(lessThan(1500L));
            HeavyReads.Counts refused = heavyReads.counts();
            assertEquals(before.refused() + 2, refused.refused(), "both refused after the wait");
            assertEquals(before.ran(), refused.ran(), "neither ran");
        }

        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (TableLock lock = TableLock.hold(dataSource, "survey_response")) {
            Future<ExtractableResponse<Response>> figures = caller.submit(() -> market().header("Accept-Language", "en")
                    .queryParam("quarter", QUARTER).when().get("/api/surveys/aggregates").then().extract());
            // without the limit the figures would wait for the lock, i.e. until it is released below
            ExtractableResponse<Response> answer = figures.get(10, TimeUnit.SECONDS);
            assertEquals(503, answer.statusCode());
            assertEquals("query-timeout", answer.path("code"));
            assertEquals("2", answer.header("Retry-After"));
            market().queryParam("year", 2097).when().get("/api/surveys/annual").then().statusCode(503)
                    .body("code", is("query-timeout")).body("title", is("查询超时"));
            assertEquals(0, lock.waiting(), "the stopped reads wait no more in PostgreSQL");
        } finally {
            caller.shutdownNow();
        }
        market().queryParam("quarter", QUARTER).when().get("/api/surveys/aggregates").then().statusCode(200);
    }
}
