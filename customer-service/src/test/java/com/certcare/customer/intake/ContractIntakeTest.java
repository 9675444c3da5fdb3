package com.certcare.customer.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;
import com.certcare.testsupport.KafkaTopics;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** ContractSigned through the real broker: registers or updates the customer, records the certification. */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class ContractIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The contract's schema (platform's contracts/ContractSigned.json) */
    static final String SCHEMA = "contracts/ContractSigned.json";

    /**
     * A ContractSigned envelope built from the example in its schema — the contract producer and consumer share —
     * with this test's ids, then checked against that schema: the consumer is tested with what the contract allows.
     */
    static String contractSigned(UUID eventId, String contractNo, String creditCode, String name, String scheme)
            throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode envelope = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                .readTree(com.certcare.testsupport.EventContracts.example(SCHEMA));
        envelope.put("id", eventId.toString()).put("subject", contractNo);
        com.fasterxml.jackson.databind.node.ObjectNode data = (com.fasterxml.jackson.databind.node.ObjectNode) envelope.get("data");
        data.put("contractId", UUID.randomUUID().toString()).put("contractNo", contractNo).put("scheme", scheme);
        com.fasterxml.jackson.databind.node.ObjectNode customer = (com.fasterxml.jackson.databind.node.ObjectNode) data.get("customer");
        customer.put("name", name).put("creditCode", creditCode);
        String message = JSON.writeValueAsString(envelope);
        com.certcare.testsupport.EventContracts.check(SCHEMA, message);
        return message;
    }

    private static JsonPath customerByCode(String creditCode) {
        return given().queryParam("q", creditCode).when().get("/api/customers").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void registersANewCustomerWithAContractedCertification() throws Exception {
        String code = TestData.creditCode();
        String contractNo = "GBHT-" + TestData.tag();
        KafkaTopics.send("contracts", contractNo, contractSigned(UUID.randomUUID(), contractNo, code, "南京新合同机械有限公司", "QMS"));

        KafkaTopics.eventually(WAIT, () -> assertEquals(1, customerByCode(code).getInt("total")));
        JsonPath customer = customerByCode(code);
        assertEquals("南京新合同机械有限公司", customer.getString("items[0].name"));
        assertEquals("CONTRACTED", customer.getString("items[0].certifications[0].status"));
        assertEquals(contractNo.toUpperCase(), customer.getString("items[0].certifications[0].contractNo"));
        assertEquals("18000.00", customer.getString("items[0].certifications[0].initialAuditFee"));
        assertEquals("contract:" + contractNo, customer.getString("items[0].createdBy"));

        // the registration went out on the customers topic, keyed by the customer id
        String id = customer.getString("items[0].id");
        var published = KafkaTopics.await("customers", r -> id.equals(r.key()) && r.value().contains("CustomerRegistered"),
                1, WAIT);
        var envelope = JSON.readTree(published.get(0).value());
        assertEquals("customer-service", envelope.path("source").asText());
        assertEquals(code, envelope.path("data").path("creditCode").asText());
        assertEquals(1, envelope.path("schemaVersion").asInt());
    }

    @Test
    void updatesAKnownCustomerAndAppliesEachEventOnce() throws Exception {
        String code = TestData.creditCode();
        long id = given().contentType("application/json")
                .body(TestData.customer("旧名称有限公司").with("creditCode", code).with("remarks", "老客户"))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");

        UUID eventId = UUID.randomUUID();
        String contractNo = "GBHT-" + TestData.tag();
        String event = contractSigned(eventId, contractNo, code, "新名称有限公司", "EMS");
        KafkaTopics.send("contracts", contractNo, event);
        KafkaTopics.send("contracts", contractNo, event); // redelivery

        KafkaTopics.eventually(WAIT, () -> given().when().get("/api/customers/" + id).then()
                .body("name", equalTo("新名称有限公司")));
        // a later event on the same topic proves the duplicate was consumed (and skipped) before it
        String laterCode = TestData.creditCode();
        KafkaTopics.send("contracts", "x", contractSigned(UUID.randomUUID(), "GBHT-" + TestData.tag(), laterCode,
                "后来者有限公司", "QMS"));
        KafkaTopics.eventually(WAIT, () -> assertEquals(1, customerByCode(laterCode).getInt("total")));

        given().when().get("/api/customers/" + id).then()
                .body("certifications.size()", is(1))
                .body("certifications[0].scheme", equalTo("EMS"))
                .body("remarks", equalTo("老客户"))
                .body("city", equalTo("南京市"));
        given().when().get("/api/customers/" + id + "/history").then()
                .body("items.find { it.field == 'name' && it.newValue == '新名称有限公司' }.reason",
                        equalTo("ContractSigned " + contractNo));
    }

    @Test
    void aCustomerLockedByAnotherWriterIsRetriedUntilTheLockIsGoneNotDeadLettered() throws Exception {
        String code = TestData.creditCode();
        long id = given().contentType("application/json").body(TestData.customer("锁住的客户有限公司").with("creditCode", code))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        double retriesBefore = retries();
        String contractNo = "GBHT-LOCK-" + TestData.tag();

        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (java.sql.Connection other = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""))) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("select id from client where id = ? for update")) {
                lock.setLong(1, id);
                lock.executeQuery();
            }
            // a form save holds the row while the contract arrives: the first attempts meet lock_timeout (1 s here)
            KafkaTopics.send("contracts", contractNo, contractSigned(UUID.randomUUID(), contractNo, code, "锁住的客户有限公司", "QMS"));
            KafkaTopics.eventually(WAIT, () -> assertTrue(retries() > retriesBefore, "an attempt met the lock and was retried"));
            other.commit();
        }
        KafkaTopics.eventually(WAIT, () -> given().when().get("/api/customers/" + id).then()
                .body("certifications.size()", is(1))
                .body("certifications[0].contractNo", equalTo(contractNo.toUpperCase())));
    }

    private static double retries() {
        String metrics = given().when().get("/q/metrics").then().extract().asString();
        return metrics.lines().filter(l -> l.startsWith("certcare_consumer_retries_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void movesAnApplyingRecordOnToContracted() throws Exception {
        String code = TestData.creditCode();
        long id = given().contentType("application/json").body(TestData.customer("先申请后签约有限公司").with("creditCode", code))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType("application/json").body(TestData.certification("OHSMS"))
                .when().post("/api/customers/" + id + "/certifications").then().statusCode(201);

        String contractNo = "GBHT-" + TestData.tag();
        KafkaTopics.send("contracts", contractNo, contractSigned(UUID.randomUUID(), contractNo, code, "先申请后签约有限公司", "OHSMS"));
        KafkaTopics.eventually(WAIT, () -> given().when().get("/api/customers/" + id).then()
                .body("certifications[0].status", equalTo("CONTRACTED")));
        given().when().get("/api/customers/" + id).then()
                .body("certifications.size()", is(1))
                .body("certifications[0].contractNo", equalTo(contractNo.toUpperCase()))
                // what the contract does not speak of is kept: the audit dates entered with the application
                .body("certifications[0].auditDates.stage1", equalTo("2026-02-01"))
                .body("certifications[0].auditDates.stage2", equalTo("2026-02-20"));
    }

    @Test
    void sendsWhatItCannotApplyToTheDeadLetterTopicAndChangesNothing() throws Exception {
        String badCode = "91320100MA1XXXXXX0";
        String contractNo = "GBHT-BAD-" + TestData.tag();
        KafkaTopics.send("contracts", contractNo, contractSigned(UUID.randomUUID(), contractNo, badCode, "坏数据有限公司", "QMS"));
        KafkaTopics.send("contracts", "garbage-" + contractNo, "{not json");

        var dead = KafkaTopics.await("contracts.dlq.customer-service",
                r -> r.key() != null && r.key().endsWith(contractNo), 2, WAIT);
        assertTrue(dead.stream().anyMatch(r -> r.value().equals("{not json")));
        assertEquals(0, customerByCode("坏数据有限公司").getInt("total"));
    }

    @Test
    void anUnknownSchemaVersionGoesToTheDeadLetterTopicWithTheReasonAndChangesNothing() throws Exception {
        String code = TestData.creditCode();
        String contractNo = "GBHT-V2-" + TestData.tag();
        String v1 = contractSigned(UUID.randomUUID(), contractNo, code, "版本二有限公司", "QMS");
        KafkaTopics.send("contracts", contractNo, v1.replace("\"schemaVersion\":1", "\"schemaVersion\":2"));
        var dead = KafkaTopics.await("contracts.dlq.customer-service", r -> contractNo.equals(r.key()), 1, WAIT);
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(reason.contains("schemaVersion 2"), reason);
        assertEquals(0, customerByCode(code).getInt("total"));
    }
}
