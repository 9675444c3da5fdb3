package com.certcare.feedback.department;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.LEADER;
import static com.certcare.feedback.item.Feedback.MARKET;
import static com.certcare.feedback.item.Feedback.TECH;
import static com.certcare.feedback.item.Feedback.as;
import static com.certcare.feedback.item.Feedback.post;
import static com.certcare.feedback.item.Feedback.step;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The departments reference list (reference/departments.csv): listed for every feedback role in the caller's
 * language, and the only departments triage and the leader's decision assign to.
 */
@QuarkusTest
class DepartmentsTest {

    static final String DEPARTMENTS = ITEMS + "/departments";

    @Test
    void everyFeedbackRoleListsTheDepartmentsInItsLanguage() {
        for (String user : new String[] { MARKET, TECH, LEADER, "audi" }) {
            as(user).get(DEPARTMENTS).then().statusCode(200)
                    .body("code", contains("market", "audit-scheduling", "technical-committee", "complaints-group",
                            "audit-team", "certification-decision", "finance", "management-representative"));
        }
        as(MARKET).get(DEPARTMENTS).then().body("find { it.code == 'complaints-group' }.name", equalTo("投诉申诉调查组"))
                .body("find { it.code == 'complaints-group' }.nameEn", equalTo("Complaints and Appeals Investigation Group"));
        as(MARKET).header("Accept-Language", "en").get(DEPARTMENTS).then()
                .body("find { it.code == 'audit-scheduling' }.name", equalTo("Audit Scheduling Department"))
                .body("find { it.code == 'audit-scheduling' }.nameZh", equalTo("审核计划部"));
        given().get(DEPARTMENTS).then().statusCode(401);
    }

    @Test
    void theCallerSeesItsOwnDepartmentNamedInItsLanguage() {
        as(TECH).get(ITEMS + "/me").then().statusCode(200).body("name", equalTo(TECH))
                .body("roles", contains("department")).body("seesAll", equalTo(false))
                .body("department.code", equalTo("technical-committee")).body("department.name", equalTo("技术委员会"));
        as(TECH).header("Accept-Language", "en").get(ITEMS + "/me").then()
                .body("department.name", equalTo("Technical Committee"));
        as(MARKET).get(ITEMS + "/me").then().body("seesAll", equalTo(true)).body("department.code", equalTo("market"));
        as("audi").get(ITEMS + "/me").then().body("seesAll", equalTo(false)).body("department.code", equalTo("audit-team"));
        as(LEADER).get(ITEMS + "/me").then().body("seesAll", equalTo(true)).body("department", org.hamcrest.Matchers.nullValue());
        // a department user nobody mapped: no department, sees nothing (the list answers an empty page)
        as("nobody-mapped").get(ITEMS + "/me").then().statusCode(200).body("department", org.hamcrest.Matchers.nullValue());
        given().get(ITEMS + "/me").then().statusCode(401);
    }

    @Test
    void triageAndDecisionAcceptOnlyAKnownDepartment() {
        long id = post(TECH, "AFTER_SALES").getLong("id");
        step(MARKET, id, "triage", Map.of("class", "B_WITHIN_AUTHORITY", "department", "sales"), 400)
                .body("errors.find { it.field == 'department' }.message", equalTo("未知部门“sales”（可选部门见 GET /api/feedback/departments）"));
        as(MARKET).get(ITEMS + "/" + id).then().body("status", equalTo("RECEIVED"));
        step(MARKET, id, "triage", Map.of("class", "C_BEYOND_AUTHORITY"));
        as(LEADER).header("Accept-Language", "en").contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("decision", "交财务部处理", "department", "accounting", "version",
                        com.certcare.feedback.item.Feedback.version(id)))
                .post(ITEMS + "/" + id + "/decide").then().statusCode(400)
                .body("errors.field", hasItem("department"))
                .body("errors.find { it.field == 'department' }.message",
                        equalTo("Unknown department \"accounting\" (the departments are listed at GET /api/feedback/departments)"));
        step(LEADER, id, "decide", Map.of("decision", "交财务部处理", "department", "finance"))
                .getString("assignedDepartment").equals("finance");
        as(MARKET).get(ITEMS + "/" + id).then().body("assignedDepartment", equalTo("finance"));
    }
}
