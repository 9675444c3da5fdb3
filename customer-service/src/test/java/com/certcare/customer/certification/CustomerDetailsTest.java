package com.certcare.customer.certification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.customer.TestData;
import com.certcare.customer.customer.CustomerService;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * The detail is read with plain statements ({@link CustomerDetails}); writes and the list read the entities. Both
 * readings of the same customer must show the same thing, field by field, for a customer with every kind of
 * value: contacts, several professional codes, records with fees, audit dates of each kind, planned dates.
 */
@QuarkusTest
@TestSecurity(user = "mei", roles = "market")
class CustomerDetailsTest {

    @Inject
    CustomerDetails details;
    @Inject
    CustomerService customers;
    @Inject
    CertificationService certifications;
    @Inject
    CustomerViews views;
    @Inject
    com.certcare.customer.customer.SystemChanges systemChanges;
    @Inject
    ObjectMapper json;

    @Test
    void theDetailShowsWhatTheEntitiesHold() throws Exception {
        long customer = given().contentType(ContentType.JSON)
                .body(TestData.customer("明细读取测试公司" + TestData.tag())
                        .with("professionalCodes", List.of("33.02.01", "19.05.00", "29.12.00"))
                        .with("remarks", "备注 <b>&</b>"))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        CertificationResourceTest.create(customer, TestData.certification("QMS")
                .with("initialAuditFee", new java.math.BigDecimal("12345.67"))
                .with("auditDates", Map.of("stage1", "2026-02-01", "stage2", "2026-02-20",
                        "surveillance", List.of("2027-01-15", "2028-01-10"), "recertification", List.of("2029-01-05"))));
        CertificationResourceTest.create(customer,
                TestData.certification("EMS").valid("EMS-" + TestData.tag(), LocalDate.of(2026, 3, 15)));
        CertificationResourceTest.create(customer, TestData.certification("OHSMS"));
        // two reported management-system changes, one acknowledged: the open one is in both readings
        for (String reference : new String[] { "FK-2026-D1" + TestData.tag(), "FK-2026-D2" + TestData.tag() }) {
            QuarkusTransaction.requiringNew().run(() -> systemChanges.report(new com.certcare.customer.customer.SystemChanges.Report(
                    customer, reference.substring(8), reference, "明细读取测试公司",
                    java.time.Instant.parse("2026-04-01T01:02:03.456789Z")), "feedback:" + reference, "test"));
        }
        long acknowledged = systemChanges.of(customer).get(0).id;
        systemChanges.acknowledge(customer, acknowledged,
                new com.certcare.customer.customer.AcknowledgeInput("已评价"), "mei");

        CustomerView plain = details.read(customer);
        CustomerView entities = QuarkusTransaction.requiringNew()
                .call(() -> views.of(customers.get(customer), certifications.ofCustomer(customer), systemChanges.open(customer)));

        assertEquals(json.writeValueAsString(entities), json.writeValueAsString(plain));
        assertEquals(3, plain.certifications().size());
        assertEquals(1, plain.openSystemChanges().size());
        assertEquals(java.time.Instant.parse("2026-04-01T01:02:03.456789Z"), plain.openSystemChanges().get(0).reportedAt());
        assertEquals(List.of("19.05.00", "29.12.00", "33.02.01"), plain.professionalCodes());
        assertEquals(json.writeValueAsString(entities),
                given().when().get("/api/customers/" + customer).then().statusCode(200).extract().asString());
    }

    @Test
    void aCustomerWithoutRecordsAndAnUnknownId() throws Exception {
        long customer = given().contentType(ContentType.JSON).body(TestData.customer("明细无记录公司" + TestData.tag())
                .with("contacts", List.of()).with("professionalCodes", List.of()))
                .when().post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("id");
        CustomerView plain = details.read(customer);
        assertEquals(List.of(), plain.certifications());
        assertEquals(List.of(), plain.contacts());
        assertEquals(List.of(), plain.professionalCodes());
        given().when().get("/api/customers/987654321").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
