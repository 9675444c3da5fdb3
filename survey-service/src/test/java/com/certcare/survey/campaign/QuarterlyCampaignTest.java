package com.certcare.survey.campaign;

import static com.certcare.survey.Surveys.campaign;
import static com.certcare.survey.Surveys.dueClient;
import static com.certcare.survey.Surveys.market;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.certcare.survey.Surveys;
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
        JsonPath view = market().queryParam("q", "宜兴卯陶瓷").get("/api/surveys/campaigns/" + started.id() + "/dispatches")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(client), view.getList("items.customerId", Long.class));
        assertTrue(quarterly.startCurrentQuarter().isEmpty(), "a quarter has one campaign");
    }

    /**
     * A campaign is read with its counts, counted by the database, and its dispatches page by page — a campaign of
     * tens of thousands of dispatches read whole ran the service out of heap.
     */
    @Test
    void aCampaignsDispatchesArePagedFilteredAndCounted() throws Exception {
        String tag = "分页" + Surveys.nextCustomerId();
        long a = dueClient(tag + "甲有限公司", "a@example.cn");
        long b = dueClient(tag + "乙有限公司", null);
        long c = dueClient(tag + "丙有限公司", "c@example.cn");
        long id = campaign().getLong("id");
        String path = "/api/surveys/campaigns/" + id;

        JsonPath campaign = market().get(path).then().statusCode(200).extract().jsonPath();
        assertNull(campaign.get("dispatches"), "the campaign's own answer has no dispatch list");
        JsonPath all = market().get(path + "/dispatches").then().statusCode(200).extract().jsonPath();
        assertEquals(campaign.getInt("dispatched"), all.getInt("total"));
        List<Map<String, Object>> listed = market().get("/api/surveys/campaigns").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.id == " + id + " }");
        assertEquals(campaign.getInt("dispatched"), ((Number) listed.get(0).get("dispatched")).intValue());
        assertEquals(0, ((Number) listed.get(0).get("answered")).intValue());

        JsonPath first = market().queryParam("q", tag).queryParam("size", 2).get(path + "/dispatches").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(3, first.getInt("total"));
        assertEquals(1, first.getInt("page"));
        assertEquals(List.of(a, b), first.getList("items.customerId", Long.class), "in the order they were made");
        JsonPath second = market().queryParam("q", tag).queryParam("size", 2).queryParam("page", 2)
                .get(path + "/dispatches").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(c), second.getList("items.customerId", Long.class));
        JsonPath failed = market().queryParam("q", tag).queryParam("status", "FAILED").get(path + "/dispatches").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(b), failed.getList("items.customerId", Long.class), "no e-mail address: FAILED");
        assertEquals(0, market().queryParam("q", tag + "%").get(path + "/dispatches").then().statusCode(200)
                .extract().jsonPath().getInt("total"), "a % in q is a character, not a wildcard");

        market().queryParam("status", "LOST").get(path + "/dispatches").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        market().queryParam("size", 201).get(path + "/dispatches").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        market().queryParam("page", 0).get(path + "/dispatches").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        market().queryParam("q", "名".repeat(101)).get(path + "/dispatches").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        market().get("/api/surveys/campaigns/999999999/dispatches").then().statusCode(404);
        Surveys.as("auditor").get(path + "/dispatches").then().statusCode(403);
    }
}
