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

    @Inject
    javax.sql.DataSource dataSource;

    /**
     * A campaign takes every due client however many there are (the first one after the ledger's import: all of
     * them), written a chunk at a time: more than one chunk's clients each get exactly one dispatch, and none is
     * left waiting.
     */
    @Test
    void aCampaignTakesMoreDueClientsThanOneChunk() throws Exception {
        int many = CampaignService.CREATE_CHUNK + 7;
        long first = Surveys.nextCustomerId() * 10 + 5_000_000;
        String tag = "批量" + first;
        try (java.sql.Connection db = dataSource.getConnection();
                java.sql.PreparedStatement client = db.prepareStatement("insert into survey_client (customer_id, name,"
                        + " province_code, professional_codes, schemes, updated_at) values (?, ?, '320000', '18.05.01', 'QMS', now())");
                java.sql.PreparedStatement due = db.prepareStatement("insert into survey_due (customer_id,"
                        + " certification_id, scheme, valid_since, created_at) values (?, ?, 'QMS', now(), now())")) {
            for (int i = 0; i < many; i++) {
                client.setLong(1, first + i);
                client.setString(2, tag + "-" + i + "有限公司");
                client.addBatch();
                due.setLong(1, first + i);
                due.setLong(2, (first + i) * 10);
                due.addBatch();
            }
            client.executeBatch();
            due.executeBatch();
        }
        JsonPath started = campaign();
        assertTrue(started.getInt("dispatched") >= many, started.prettify());
        assertNull(started.get("dispatches"), "the start's answer counts, it does not list");
        String path = "/api/surveys/campaigns/" + started.getLong("id") + "/dispatches";
        assertEquals(many, market().queryParam("q", tag).get(path).then().statusCode(200).extract().jsonPath()
                .getInt("total"));
        assertEquals(many, market().queryParam("q", tag).queryParam("status", "FAILED").get(path).then()
                .statusCode(200).extract().jsonPath().getInt("total"), "no e-mail address: each FAILED with the reason");
        try (java.sql.Connection db = dataSource.getConnection();
                java.sql.PreparedStatement waiting = db.prepareStatement("select count(*) from survey_due"
                        + " where customer_id between ? and ? and campaign_id is distinct from ?")) {
            waiting.setLong(1, first);
            waiting.setLong(2, first + many - 1);
            waiting.setLong(3, started.getLong("id"));
            java.sql.ResultSet r = waiting.executeQuery();
            r.next();
            assertEquals(0, r.getInt(1), "every due client taken by this campaign");
        }
    }
}
