package com.certcare.survey.campaign;

import static com.certcare.survey.Surveys.dispatchOf;
import static com.certcare.survey.Surveys.dueClient;
import static com.certcare.survey.Surveys.market;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.certcare.survey.TestClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The scheduler's campaign: the clock's quarter (Asia/Shanghai), once; made by the system user. */
@QuarkusTest
class QuarterlyCampaignTest {

    @Inject
    QuarterlyCampaign quarterly;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theCurrentQuartersCampaignIsStartedOnce() throws Exception {
        long client = dueClient("宜兴卯陶瓷有限公司", null);
        clock.stopAt(Instant.parse("2098-09-30T16:30:00Z")); // 2098-10-01 00:30 in Shanghai
        CampaignView started = quarterly.startCurrentQuarter().orElseThrow();
        assertEquals("2098-Q4", started.quarter());
        assertEquals("system", started.createdBy());
        JsonPath view = market().get("/api/surveys/campaigns/" + started.id()).then().statusCode(200).extract().jsonPath();
        dispatchOf(view, client);
        assertTrue(quarterly.startCurrentQuarter().isEmpty(), "a quarter has one campaign");
    }
}
