package com.certcare.survey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.OpenApiBadInputWalk;
import com.certcare.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every operation of this service's OpenAPI document, walked with malformed input (see
 * {@link OpenApiBadInputWalk} for the cases and what counts as a fault): no 5xx, no 2xx to what breaks the
 * schema, problem+json naming the field. Path parameters get real ids (a campaign, a dispatch, a live link) and
 * bodies valid values, so each case breaks one thing.
 */
@QuarkusTest
class OpenApiBadInputTest {

    @Test
    void noOperationAnswersMalformedInputWithAServerErrorOrAcceptsWhatBreaksTheSchema() throws Exception {
        String token = Tokens.forUser("walker", "market", "leader", "auditor", "admin");
        String address = "walk-" + UUID.randomUUID() + "@example.cn";
        long client = Surveys.dueClient("走查有限公司", address);
        JsonPath campaign = Surveys.campaign();
        long dispatch = Surveys.dispatchOf(campaign, client);
        String link = Surveys.token(GreenMailResource.await(address, 1, Surveys.WAIT).get(0));
        Map<String, Object> template = Surveys.market().get("/api/surveys/templates/16-03/versions/1").then()
                .statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> definition = Map.of("title", template.get("title"), "dimensions", template.get("dimensions"),
                "questions", template.get("questions"));
        OpenApiBadInputWalk.Result result = OpenApiBadInputWalk.of()
                .only("/api/")
                .bearer(() -> token)
                .pathParam("code", "16-03")
                .pathParam("version", 1)
                .pathParam("token", link)
                .pathParam("quarter", "2091-Q1") // a quarter of its own: the walk saves and issues its report
                .pathParam("/api/surveys/campaigns/{id}", "id", () -> campaign.getLong("id"))
                .pathParam("/api/surveys/campaigns/{id}/dispatches", "id", () -> campaign.getLong("id"))
                .pathParam("/api/surveys/dispatches/{id}", "id", () -> dispatch)
                .validBody("createSurveyCampaign", () -> Map.of("quarter", Surveys.freshQuarter(), "templateVersion", 1))
                .validBody("createSurveyTemplateVersion", () -> definition)
                .validBody("answerPublicSurvey", () -> Surveys.body(Surveys.answers(4)))
                .validBody("enterSurveyResponse", () -> Map.of("channel", "PHONE", "answers", Surveys.answers(4)))
                .validBody("saveQuarterlyReport", () -> Map.of("conclusions", "走查结论", "version", reportVersion()))
                .validBody("issueQuarterlyReport", () -> Map.of("version", Math.max(1, reportVersion())))
                .assertNoFaults();
        assertTrue(result.operations() >= 15, "the document lists this service's operations: " + result.operations());
    }

    private static int reportVersion() {
        return Surveys.market().get("/api/surveys/reports/2091-Q1").then().statusCode(200).extract().path("version");
    }
}
