package com.certcare.survey.client;

import static com.certcare.survey.Surveys.WAIT;
import static com.certcare.survey.Surveys.due;
import static com.certcare.survey.Surveys.nextCustomerId;
import static com.certcare.survey.Surveys.registered;
import static com.certcare.survey.Surveys.statusChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who is asked (4.7.1), from customer-service's events on the real broker: a certification becoming VALID schedules
 * its client once; the same event delivered again, another scheme, or a return from suspension schedules nothing
 * more; the client copy keeps what the survey needs; what cannot be read goes to the dead-letter topic.
 */
@QuarkusTest
class DueFromCertificationTest {

    static SurveyClient client(long id) {
        return QuarkusTransaction.requiringNew().call(() -> SurveyClient.<SurveyClient> findById(id));
    }

    static long processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) SurveyClient.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    @Test
    void aCertificationBecomingValidMakesItsClientDueOnce() throws Exception {
        long id = nextCustomerId();
        String key = String.valueOf(id);
        KafkaTopics.send("customers", key, registered(id, "南京精工机械有限公司", "qa@jinggong.example.cn"));
        KafkaTopics.send("customers", key, statusChanged(UUID.randomUUID(), id, 1, "QMS", "CONTRACTED", "AUDITING"));
        UUID valid = UUID.randomUUID();
        String validEvent = statusChanged(valid, id, 1, "QMS", "AUDITING", "VALID");
        KafkaTopics.send("customers", key, validEvent);
        KafkaTopics.send("customers", key, validEvent); // delivered again
        KafkaTopics.send("customers", key, statusChanged(UUID.randomUUID(), id, 2, "EMS", "AUDITING", "VALID"));
        KafkaTopics.eventually(WAIT, () -> assertTrue(client(id) != null && "QMS,EMS".equals(client(id).schemes)));

        SurveyDue due = due(id);
        assertNotNull(due);
        assertEquals(1L, due.certificationId);
        assertEquals("QMS", due.scheme);
        assertNull(due.campaignId);
        assertEquals(1, processed(valid));
        SurveyClient c = client(id);
        assertEquals("南京精工机械有限公司", c.name);
        assertEquals("320000", c.provinceCode);
        assertEquals("18.05.01,19.09.00", c.professionalCodes);
        assertEquals("qa@jinggong.example.cn", c.contactEmail);
    }

    @Test
    void aCertificationBackFromSuspensionIsNotANewFirstCycle() throws Exception {
        long id = nextCustomerId();
        String key = String.valueOf(id);
        KafkaTopics.send("customers", key, registered(id, "苏州恢复有限公司", null));
        KafkaTopics.send("customers", key, statusChanged(UUID.randomUUID(), id, 7, "QMS", "SUSPENDED", "VALID"));
        KafkaTopics.eventually(WAIT, () -> assertTrue(client(id) != null && "QMS".equals(client(id).schemes)));
        assertNull(due(id));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        long id = nextCustomerId();
        String key = "dlq-" + id;
        String event = statusChanged(UUID.randomUUID(), id, 3, "QMS", "AUDITING", "VALID").replace("\"scheme\":\"QMS\",", "");
        KafkaTopics.send("customers", key, event);
        var dead = KafkaTopics.await("customers.dlq.survey-service", r -> key.equals(r.key()), 1, WAIT);
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("lacks customerId, certificationId, scheme or to"), reason);
        assertNull(due(id));
    }
}
