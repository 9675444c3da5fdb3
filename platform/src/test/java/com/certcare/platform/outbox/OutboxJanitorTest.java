package com.certcare.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxJanitorTest {

    @Inject
    OutboxJanitor janitor;

    private static UUID row(Instant createdAt, Instant sentAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxEvent e = new OutboxEvent();
            e.id = UUID.randomUUID();
            e.topic = "janitor-test";
            e.aggregateKey = "0";
            e.type = "Test";
            e.envelope = "{}";
            e.createdAt = createdAt;
            e.sentAt = sentAt;
            e.attempts = sentAt == null ? 0 : 1;
            e.persist();
            return e.id;
        });
    }

    @Test
    void deletesOnlyEventsSentLongerAgoThanTheRetention() {
        Instant old = Instant.now().minus(Duration.ofDays(8));
        UUID sentLongAgo = row(old, old);
        UUID sentRecently = row(Instant.now(), Instant.now());
        // an old event not yet acknowledged stays (the relay may publish it meanwhile: then it is recent)
        UUID unsent = row(old, null);

        janitor.purge();

        QuarkusTransaction.requiringNew().run(() -> {
            assertNull(OutboxEvent.findById(sentLongAgo));
            assertNotNull(OutboxEvent.findById(sentRecently));
            assertNotNull(OutboxEvent.findById(unsent));
        });
    }
}
