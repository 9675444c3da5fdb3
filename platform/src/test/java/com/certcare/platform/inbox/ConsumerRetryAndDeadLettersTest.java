package com.certcare.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.certcare.testsupport.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** Consumers retry what may pass, give up at once on what cannot; an admin lists and replays dead letters. */
@QuarkusTest
class ConsumerRetryAndDeadLettersTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DLQ = "probe.dlq.platform-test";
    private static final String BASE = "/api/admin/platform-test/dead-letters";

    @Inject
    ProbeConsumer probe;

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aTransientFailureIsRetriedWithBackoffAndTheMessageApplied() {
        String id = id();
        KafkaTopics.send("probe", id, "flaky:" + id + ":2");
        KafkaTopics.eventually(WAIT, () -> assertTrue(probe.applied(id)));
        assertEquals(3, probe.attempts(id), "two failures, then success");
    }

    @Test
    void aFailureThatPersistsGoesToTheDeadLetterTopicAfterTheLastAttempt() {
        String id = id();
        KafkaTopics.send("probe", id, "flaky:" + id + ":10");
        var dead = KafkaTopics.await(DLQ, r -> id.equals(r.key()), 1, WAIT);
        assertEquals(3, probe.attempts(id), "max-attempts is 3 here");
        assertFalse(probe.applied(id));
        assertTrue(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value()).contains("could not apply"));
    }

    @Test
    @TestSecurity(user = "root", roles = "admin")
    void whatCanNeverSucceedGoesAtOnceAndAnAdminCanListAndReplayIt() {
        String id = id();
        KafkaTopics.send("probe", id, "poison:" + id);
        KafkaTopics.await(DLQ, r -> id.equals(r.key()), 1, WAIT);
        assertEquals(1, probe.attempts(id), "not retried: it can never succeed");

        JsonPath listing = given().get(BASE + "?limit=200").then().statusCode(200).extract().jsonPath();
        assertEquals(DLQ, listing.getString("[0].topic"));
        assertEquals("probe", listing.getString("[0].sourceTopic"));
        List<Map<String, Object>> letters = listing.getList("[0].letters");
        Map<String, Object> letter = letters.stream().filter(l -> id.equals(l.get("key"))).findFirst().orElseThrow();
        assertTrue(String.valueOf(letter.get("reason")).contains("breaks a rule"), letter.toString());
        assertEquals("poison:" + id, letter.get("value"));
        assertEquals("probe", letter.get("sourceTopic"));

        probe.mend(id); // the cause is mended (a rule relaxed, a reference added), then the message replayed
        given().post(BASE + "/" + DLQ + "/" + letter.get("partition") + "/" + letter.get("offset") + "/replay")
                .then().statusCode(200).body("topic", equalTo("probe"));
        KafkaTopics.eventually(WAIT, () -> assertTrue(probe.applied(id)));
    }

    @Test
    @TestSecurity(user = "root", roles = "admin")
    void badRequestsAreProblemsNamingWhatIsWrong() {
        given().get(BASE + "?limit=0").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors[0].field", equalTo("limit"));
        given().get(BASE + "?limit=201").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().get("/api/admin/other-service/dead-letters").then().statusCode(404);
        given().post(BASE + "/not-a-dlq/0/0/replay").then().statusCode(404);
        given().post(BASE + "/" + DLQ + "/0/999999/replay").then().statusCode(404);
        given().post(BASE + "/" + DLQ + "/7/0/replay").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "mei", roles = "market")
    void onlyAnAdminMaySeeThem() {
        given().get(BASE).then().statusCode(403);
        given().post(BASE + "/" + DLQ + "/0/0/replay").then().statusCode(403);
    }
}
