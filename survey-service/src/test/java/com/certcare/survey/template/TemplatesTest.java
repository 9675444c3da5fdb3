package com.certcare.survey.template;

import static com.certcare.survey.Surveys.as;
import static com.certcare.survey.Surveys.market;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The 16-03 questionnaire is loaded from its data file at start (form number from configuration, zh-CN and en); a new
 * version is appended by market and leaves the old one as it was; an invalid version is refused naming the field.
 */
@QuarkusTest
class TemplatesTest {

    @Test
    void theDefaultQuestionnaireIsLoadedFromItsDataFile() {
        as("auditor").get("/api/surveys/templates").then().statusCode(200)
                .body("code", hasItem("16-03"));
        JsonPath v1 = as("leader").get("/api/surveys/templates/16-03/versions/1").then().statusCode(200).extract().jsonPath();
        assertEquals("GBCX-16-03", v1.getString("formNumber"));
        assertEquals("认证客户满意度调查表", v1.getString("title.zh"));
        assertEquals(6, v1.getList("dimensions").size());
        assertEquals(List.of("ATTITUDE", "PROFESSIONALISM", "EFFICIENCY", "COMMUNICATION", "FEES", "CERTIFICATE"),
                v1.getList("dimensions.code"));
        assertEquals(18, v1.getList("questions").size());
        assertEquals(15, v1.getList("questions.findAll { it.type == 'LIKERT' }").size());
        assertEquals("1.5", v1.getString("questions.find { it.code == 'Q04' }.weight"));
        assertEquals("The auditors' competence and understanding of the standard",
                v1.getString("questions.find { it.code == 'Q04' }.text.en"));
        assertEquals("MULTIPLE_CHOICE", v1.getString("questions.find { it.code == 'Q17' }.type"));
    }

    @Test
    void aNewVersionIsAppendedAndTheOldOneStaysAsItWas() {
        JsonPath v1 = market().get("/api/surveys/templates/16-03/versions/1").then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", v1.getMap("title"));
        body.put("dimensions", v1.getList("dimensions"));
        List<Map<String, Object>> questions = new java.util.ArrayList<>(v1.getList("questions"));
        questions.add(Map.of("code", "Q19", "type", "LIKERT", "dimension", "ATTITUDE", "weight", 2, "required", true,
                "text", Map.of("zh", "整体满意度", "en", "Overall satisfaction")));
        body.put("questions", questions);

        int version = market().contentType(ContentType.JSON).body(body)
                .post("/api/surveys/templates/16-03/versions").then().statusCode(201)
                .body("questions", hasSize(19)).extract().jsonPath().getInt("version");
        market().get("/api/surveys/templates/16-03").then().statusCode(200)
                .body("currentVersion", equalTo(version)).body("versions", hasSize(greaterThanOrEqualTo(2)))
                .body("current.questions", hasSize(19));
        market().get("/api/surveys/templates/16-03/versions/1").then().statusCode(200).body("questions", hasSize(18));
    }

    @Test
    void anInvalidVersionIsRefusedNamingTheField() {
        Map<String, Object> body = Map.of("title", Map.of("zh", "测试"), "dimensions",
                List.of(Map.of("code", "A", "title", Map.of("zh", "甲"))), "questions",
                List.of(Map.of("code", "Q1", "type", "LIKERT", "dimension", "B", "weight", 0, "text", Map.of("zh", "问"))));
        market().header("Accept-Language", "en").contentType(ContentType.JSON).body(body)
                .post("/api/surveys/templates/16-03/versions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("questions[0].dimension"))
                .body("errors.field", hasItem("questions[0].weight"))
                .body("errors.find { it.field == 'questions[0].dimension' }.message", equalTo("No dimension \"B\""));
        market().contentType(ContentType.JSON).body("{\"title\":{\"zh\":\"x\"},\"dimensions\":[],\"questions\":[{\"code\":\"Q1\",\"type\":\"RATING\"}]}")
                .post("/api/surveys/templates/16-03/versions").then().statusCode(400)
                .body("errors.field", hasItem("questions[0].type"));
        market().contentType(ContentType.JSON).body("").post("/api/surveys/templates/16-03/versions").then()
                .statusCode(400).body("errors.field", hasItem("body"));
    }

    @Test
    void onlyMarketWritesAndAnUnknownTemplateIsA404() {
        as("leader").contentType(ContentType.JSON).body("{}").post("/api/surveys/templates/16-03/versions").then()
                .statusCode(403);
        as("department").get("/api/surveys/templates").then().statusCode(403);
        market().get("/api/surveys/templates/nope").then().statusCode(404).contentType("application/problem+json");
        market().get("/api/surveys/templates/16-03/versions/99").then().statusCode(404);
    }
}
