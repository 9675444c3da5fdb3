package com.certcare.feedback.item;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.MARKET;
import static com.certcare.feedback.item.Feedback.as;
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
 * The inbox and the year-end summary are heavy reads (platform HeavyReads, as customer-service's list): with every
 * turn taken they are answered 503 database-busy after the wait, having run nothing, while bad input keeps its 400
 * at once; a statement of theirs past the time limit (here 2 s: a table lock held) is stopped by PostgreSQL and
 * answered 503 query-timeout; afterwards the inbox answers again.
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
    void theInboxAndTheYearSummaryTakeTurnsAndStopAtTheirTimeLimit() throws Exception {
        try (HeldTurns held = HeldTurns.hold(config.concurrent(), read -> heavyReads.run(read))) {
            HeavyReads.Counts before = heavyReads.counts();
            as(MARKET).header("Accept-Language", "en").when().get(ITEMS).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "2")
                    .body("code", is("database-busy")).body("title", is("Service busy"));
            as(MARKET).when().get(ITEMS + "/analysis/year?year=2025").then().statusCode(503)
                    .body("title", is("服务繁忙"));
            // checked before the wait: at once, even now
            as(MARKET).when().get(ITEMS + "/analysis/year?year=1999").then().statusCode(400)
                    .body("errors[0].field", is("year")).time(lessThan(1500L));
            as(MARKET).when().get(ITEMS + "?size=100000").then().statusCode(400)
                    .body("errors[0].field", is("size")).time(lessThan(1500L));
            HeavyReads.Counts refused = heavyReads.counts();
            assertEquals(before.refused() + 2, refused.refused(), "both refused after the wait");
            assertEquals(before.ran(), refused.ran(), "neither ran");
        }

        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (TableLock lock = TableLock.hold(dataSource, "feedback_item")) {
            Future<ExtractableResponse<Response>> inbox = caller.submit(() -> as(MARKET).header("Accept-Language", "en")
                    .when().get(ITEMS).then().extract());
            // without the limit the inbox would wait for the lock, i.e. until it is released below
            ExtractableResponse<Response> answer = inbox.get(10, TimeUnit.SECONDS);
            assertEquals(503, answer.statusCode());
            assertEquals("query-timeout", answer.path("code"));
            assertEquals("2", answer.header("Retry-After"));
            as(MARKET).when().get(ITEMS + "/analysis/year?year=2025").then().statusCode(503)
                    .body("code", is("query-timeout")).body("title", is("查询超时"));
            assertEquals(0, lock.waiting(), "the stopped reads wait no more in PostgreSQL");
        } finally {
            caller.shutdownNow();
        }
        as(MARKET).when().get(ITEMS).then().statusCode(200);
    }
}
