package com.certcare.customer.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;
import com.certcare.testsupport.EventContracts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every event customer-service writes to its outbox matches its JSON Schema in {@code schemas/events/}: this
 * test makes each type happen at least once, then checks every envelope in the outbox (those of the other
 * tests of the run too).
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class EventContractTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyEnvelopeInTheOutboxMatchesItsSchema() throws Exception {
        String tag = TestData.tag();
        JsonPath customer = given().contentType(ContentType.JSON).body(TestData.customer(tag + "契约测试有限公司"))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath();
        long id = customer.getLong("id");
        Map<String, Object> change = new java.util.LinkedHashMap<>(customer.getMap(""));
        change.remove("certifications");
        change.put("remarks", "契约");
        given().contentType(ContentType.JSON).body(change).when().put("/api/customers/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(TestData.certification("QMS").valid("QY-" + tag, LocalDate.of(2026, 3, 15)))
                .when().post("/api/customers/" + id + "/certifications").then().statusCode(201);
        long gone = given().contentType(ContentType.JSON).body(TestData.customer(tag + "契约删除有限公司"))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        given().queryParam("version", 0).when().delete("/api/customers/" + gone).then().statusCode(204);

        Map<String, Integer> checked = EventContracts.checkOutbox(dataSource, "schemas/events");
        for (String type : new String[] { "CustomerRegistered", "CustomerUpdated", "CustomerDeleted",
                "CertificationStatusChanged" }) {
            assertTrue(checked.getOrDefault(type, 0) > 0, type + " checked: " + checked);
        }
    }
}
