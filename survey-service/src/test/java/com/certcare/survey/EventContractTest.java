package com.certcare.survey;

import static com.certcare.survey.Surveys.answers;
import static com.certcare.survey.Surveys.campaign;
import static com.certcare.survey.Surveys.dispatchOf;
import static com.certcare.survey.Surveys.dueClient;
import static com.certcare.survey.Surveys.market;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.EventContracts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every event survey-service writes to its outbox matches its JSON Schema: its own in {@code schemas/events/}
 * (SurveyDispatched, SurveyAnswered), the platform's {@code contracts/} for SurveyLowScore, which feedback-service
 * consumes. This test makes each type happen, then checks every envelope in the outbox (the other tests' too).
 */
@QuarkusTest
class EventContractTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyEnvelopeInTheOutboxMatchesItsSchema() throws Exception {
        long client = dueClient("连云港丑港务有限公司", null);
        long dispatch = dispatchOf(campaign(), client);
        market().contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "answers", answers(1)))
                .post("/api/surveys/dispatches/" + dispatch + "/responses").then().statusCode(201);
        Map<String, Integer> checked = EventContracts.checkOutbox(dataSource, "schemas/events", "contracts");
        for (String type : new String[] { "SurveyDispatched", "SurveyAnswered", "SurveyLowScore" }) {
            assertTrue(checked.getOrDefault(type, 0) > 0, type + " checked: " + checked);
        }
    }
}
