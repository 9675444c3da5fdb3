package com.certcare.customer.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;
import com.certcare.platform.outbox.OutboxEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class CustomerResourceTest {

    static ValidatableResponse create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/customers").then();
    }

    static long createdId(Map<String, Object> body) {
        return create(body).statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void registersACustomerAndAnnouncesIt() {
        var body = TestData.customer("浙江中澜科技有限公司");
        long id = create(body).statusCode(201)
                .header("Location", containsString("/api/customers/"))
                .body("name", equalTo("浙江中澜科技有限公司"))
                .body("creditCode", equalTo(body.get("creditCode")))
                .body("provinceName", equalTo("浙江省"))
                .body("contacts[0].primary", is(true))
                .body("professionalCodes", containsInAnyOrder("33.02.01"))
                .body("version", notNullValue())
                .body("createdBy", equalTo("mei"))
                .extract().jsonPath().getLong("id");

        given().when().get("/api/customers/" + id).then().statusCode(200)
                .body("name", equalTo("浙江中澜科技有限公司"))
                .body("certifications.size()", is(0));

        List<OutboxEvent> events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent> list(
                "aggregateKey = ?1 and type = ?2", String.valueOf(id), CustomerEvents.REGISTERED));
        assertEquals(1, events.size());
        assertEquals("customers", events.get(0).topic);
    }

    @Test
    void namesEveryBadFieldInChineseAndWritesNothing() {
        String name = TestData.tag() + "坏数据公司";
        var body = TestData.customer(name)
                .with("creditCode", "91350100M000100Y44")
                .with("provinceCode", "990000")
                .with("postalCode", "31001")
                .with("contacts", List.of(Map.of("name", "李", "phone", "12345", "email", "not-mail", "primary", false)))
                .with("professionalCodes", List.of("33.2.1", "99.99.99"));
        create(body).statusCode(400)
                .contentType("application/problem+json")
                .header("Content-Language", "zh-CN")
                .body("status", is(400))
                .body("title", equalTo("请求数据有误"))
                .body("errors.field", hasItems("creditCode", "provinceCode", "postalCode", "contacts[0].phone",
                        "contacts[0].email", "contacts", "professionalCodes[0]", "professionalCodes[1]"))
                .body("errors.find { it.field == 'creditCode' }.message", containsString("校验位"))
                .body("errors.find { it.field == 'creditCode' }.message", containsString("3"));
        given().queryParam("q", name).when().get("/api/customers").then().statusCode(200).body("total", is(0));
    }

    @Test
    void speaksEnglishWhenAsked() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en-US,en;q=0.9")
                .body(TestData.customer("").with("postalCode", "ABCDEF"))
                .when().post("/api/customers").then().statusCode(400)
                .body("title", equalTo("Invalid request data"))
                .body("errors.find { it.field == 'name' }.message", equalTo("Required"))
                .body("errors.find { it.field == 'postalCode' }.message", equalTo("A postal code has 6 digits"));
    }

    @Test
    void acceptsAFailingCheckDigitOnlyWithAReason() {
        String code = "91350100M000100Y44";
        create(TestData.customer("校验位例外公司").with("creditCode", code)).statusCode(400);
        create(TestData.customer("校验位例外公司").with("creditCode", code)
                .with("creditCodeOverrideReason", "营业执照原件如此，已核实"))
                .statusCode(201)
                .body("creditCodeOverrideReason", equalTo("营业执照原件如此，已核实"));
    }

    @Test
    void refusesADuplicateCreditCodeNamingTheRegisteredCustomer() {
        var first = TestData.customer("杭州第一家公司");
        long id = createdId(first);
        create(TestData.customer("杭州第二家公司").with("creditCode", first.get("creditCode").toString().toLowerCase()))
                .statusCode(409)
                .body("code", equalTo("duplicate-credit-code"))
                .body("detail", containsString("杭州第一家公司"))
                .body("detail", containsString(String.valueOf(id)));
    }

    @Test
    void checksHongKongAndMacaoPostalCodes() {
        create(TestData.customer("香港某公司").with("provinceCode", "810000").with("postalCode", "999077")).statusCode(201);
        create(TestData.customer("澳门某公司").with("provinceCode", "820000").with("postalCode", "999077")).statusCode(400)
                .body("errors[0].field", equalTo("postalCode"));
    }

    @Test
    void refusesAStaleUpdateAndKeepsTheNewerData() {
        var body = TestData.customer("乐观锁测试公司");
        var created = create(body).statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        int version = created.getInt("version");

        given().contentType(ContentType.JSON).body(body.with("city", "宁波市").with("version", version))
                .when().put("/api/customers/" + id).then().statusCode(200).body("city", equalTo("宁波市"));
        given().contentType(ContentType.JSON).body(body.with("city", "温州市").with("version", version))
                .when().put("/api/customers/" + id).then().statusCode(409).body("code", equalTo("stale"));
        given().when().get("/api/customers/" + id).then().body("city", equalTo("宁波市"));
    }

    @Test
    void keepsEveryChangeInTheHistory() throws Exception {
        var body = TestData.customer("历史记录测试公司");
        var created = create(body).statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        given().contentType(ContentType.JSON)
                .body(body.with("address", "滨江区江南大道 1 号").with("version", created.getInt("version")))
                .when().put("/api/customers/" + id).then().statusCode(200).body("updatedBy", equalTo("mei"));

        given().when().get("/api/customers/" + id + "/history").then().statusCode(200)
                .body("items[0].field", equalTo("address"))
                .body("items[0].oldValue", equalTo("西湖区文三路 90 号"))
                .body("items[0].newValue", equalTo("滨江区江南大道 1 号"))
                .body("items[0].changedBy", equalTo("mei"))
                .body("items.field", hasItem("name"))
                .body("total", is(org.hamcrest.Matchers.greaterThan(5)));
        List<OutboxEvent> updates = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent> list(
                "aggregateKey = ?1 and type = ?2", String.valueOf(id), CustomerEvents.UPDATED));
        assertEquals(1, updates.size());
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(updates.get(0).envelope).path("data");
        assertEquals("address", data.path("changedFields").path(0).asText());
        assertEquals(1, data.path("changedFields").size());
    }

    @Test
    void unknownCustomerIs404ProblemJson() {
        given().when().get("/api/customers/999999999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("999999999"));
    }

    @Test
    void removesOnlyACustomerWithoutCertifications() {
        long id = createdId(TestData.customer("误录公司"));
        int version = given().get("/api/customers/" + id).then().extract().jsonPath().getInt("version");
        given().queryParam("version", version).when().delete("/api/customers/" + id).then().statusCode(204);
        given().when().get("/api/customers/" + id).then().statusCode(404);

        long kept = createdId(TestData.customer("有记录公司"));
        given().contentType(ContentType.JSON).body(TestData.certification("QMS"))
                .when().post("/api/customers/" + kept + "/certifications").then().statusCode(201);
        int v2 = given().get("/api/customers/" + kept).then().extract().jsonPath().getInt("version");
        given().queryParam("version", v2).when().delete("/api/customers/" + kept).then().statusCode(409)
                .body("code", equalTo("customer-has-certifications"));
    }

    @Test
    @TestSecurity(user = "zhao", roles = "auditor")
    void auditorsReadButDoNotWrite() {
        given().when().get("/api/customers").then().statusCode(200);
        create(TestData.customer("审核员不能建的公司")).statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "li", roles = "department")
    void otherDepartmentsDoNotSeeTheRegistry() {
        given().when().get("/api/customers").then().statusCode(403);
    }

    @Test
    void malformedJsonIsAProblemToo() {
        given().contentType(ContentType.JSON).body("{\"name\": ").when().post("/api/customers").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed"));
        given().contentType(ContentType.JSON).body("{\"contacts\": \"nope\"}").when().post("/api/customers").then()
                .log().ifValidationFails().statusCode(400).body("errors[0].field", equalTo("contacts"));
    }

    @Test
    void createdCustomerHasNoOverrideReasonByDefault() {
        create(TestData.customer("普通公司")).statusCode(201).body("creditCodeOverrideReason", nullValue());
    }
}
