package com.certcare.feedback.customer;

import static com.certcare.feedback.item.Feedback.ITEMS;
import static com.certcare.feedback.item.Feedback.TECH;
import static com.certcare.feedback.item.Feedback.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.certcare.feedback.item.Feedback;
import com.certcare.testsupport.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The read copy of customers, fed by customer-service's events on the real broker: registered, updated, deleted,
 * each applied once however often delivered; what cannot be read goes to the dead-letter topic with the reason.
 */
@QuarkusTest
public class CustomerCopyTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EntityManager em;

    /** A CustomerRegistered envelope as customer-service writes it (with fields this service does not read). */
    public static String registered(UUID eventId, long customerId, String name) {
        return """
                {"id":"%s","type":"CustomerRegistered","source":"customer-service","time":"%s","subject":"%d",
                 "schemaVersion":1,"data":{"customerId":%d,"name":"%s","creditCode":"91110108MA01XXXX0X",
                 "provinceCode":"110000","city":"北京","professionalCodes":["19.05.01"],
                 "primaryContact":{"name":"李雷","role":"质量经理","phone":"13800138000","email":null,"primary":true},
                 "somethingNew":{"ignored":true}}}""".formatted(eventId, Instant.now(), customerId, customerId, name);
    }

    /** Registers {@code name} through the broker and waits until the copy has it; its id. */
    public static long registeredCustomer(String name) {
        long id = ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000);
        KafkaTopics.send("customers", String.valueOf(id), registered(UUID.randomUUID(), id, name));
        KafkaTopics.eventually(WAIT, () -> assertEquals(name, name(id)));
        return id;
    }

    static String name(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CustomerCopy c = CustomerCopy.findById(id);
            return c == null ? null : c.name;
        });
    }

    @Test
    void aCustomerRegisteredOnTheBrokerCanBeNamedInAnItem() {
        long id = registeredCustomer("示例电子有限公司");
        Map<String, Object> body = Feedback.body("CLIENT_SYSTEM_CHANGE", "我公司新增了一个生产场所");
        body.remove("prospectName");
        body.put("customerId", id);
        as(TECH).contentType(ContentType.JSON).body(body).when().post(ITEMS).then().statusCode(201)
                .body("customerId", equalTo((int) id)).body("customerName", equalTo("示例电子有限公司"));
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndUpdatesAndDeletionsFollow() {
        long id = ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000);
        UUID first = UUID.randomUUID();
        KafkaTopics.send("customers", String.valueOf(id), registered(first, id, "旧名称有限公司"));
        KafkaTopics.eventually(WAIT, () -> assertEquals("旧名称有限公司", name(id)));
        KafkaTopics.send("customers", String.valueOf(id), """
                {"id":"%s","type":"CustomerUpdated","source":"customer-service","time":"%s","subject":"%d","schemaVersion":1,
                 "data":{"customer":{"customerId":%d,"name":"新名称有限公司","creditCode":"91110108MA01XXXX0X","provinceCode":"110000"},
                 "changedFields":["name"]}}""".formatted(UUID.randomUUID(), Instant.now(), id, id));
        KafkaTopics.eventually(WAIT, () -> assertEquals("新名称有限公司", name(id)));
        // the registration again (a redelivery): already processed, the newer name stays
        KafkaTopics.send("customers", String.valueOf(id), registered(first, id, "旧名称有限公司"));
        KafkaTopics.send("customers", String.valueOf(id), """
                {"id":"%s","type":"CertificationStatusChanged","source":"customer-service","time":"%s","subject":"%d",
                 "schemaVersion":1,"data":{}}""".formatted(UUID.randomUUID(), Instant.now(), id));
        // a marker behind them on the same partition (same key): once it is applied, so were they
        long marker = id + 1;
        KafkaTopics.send("customers", String.valueOf(id), registered(UUID.randomUUID(), marker, "标记有限公司"));
        KafkaTopics.eventually(WAIT, () -> assertEquals("标记有限公司", name(marker)));
        assertEquals("新名称有限公司", name(id));
        long processed = ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from processed_event where event_id = ?1").setParameter(1, first).getSingleResult()))
                .longValue();
        assertEquals(1, processed);
        KafkaTopics.send("customers", String.valueOf(id), """
                {"id":"%s","type":"CustomerDeleted","source":"customer-service","time":"%s","subject":"%d","schemaVersion":1,
                 "data":{"customerId":%d}}""".formatted(UUID.randomUUID(), Instant.now(), id, id));
        KafkaTopics.eventually(WAIT, () -> assertNull(name(id)));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithTheReason() {
        String key = "dlq-" + UUID.randomUUID();
        KafkaTopics.send("customers", key, """
                {"id":"%s","type":"CustomerRegistered","source":"customer-service","time":"%s","subject":"1",
                 "schemaVersion":2,"data":{"customerId":1,"name":"x"}}""".formatted(UUID.randomUUID(), Instant.now()));
        var dead = KafkaTopics.await("customers.dlq.feedback-service", r -> key.equals(r.key()), 1, WAIT);
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("schemaVersion 2"), reason);
    }
}
