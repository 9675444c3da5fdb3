package com.certcare.platform.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.jpa.SpecHints;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes outbox rows to Kafka in creation order and marks each one sent only after the broker
 * acknowledged it (the {@code outbox} channel is configured with acks=all and idempotence). A crash
 * between the ack and the commit publishes the event again; consumers deduplicate on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry meters;

    OutboxRelay(@Channel("outbox") Emitter<String> emitter, OutboxConfig config, EntityManager em, Clock clock,
            MeterRegistry meters) {
        this.emitter = emitter;
        this.config = config;
        this.em = em;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(every = "${certcare.outbox.poll-interval:1s}", delayed = "${certcare.outbox.start-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class)
    void relay() {
        int published;
        do {
            published = QuarkusTransaction.requiringNew().call(this::publishBatch);
        } while (published == config.batchSize());
    }

    /** Publishes one batch; returns how many rows were marked sent. */
    int publishBatch() {
        List<OutboxEvent> batch = em.createQuery(
                "from OutboxEvent where sentAt is null order by createdAt, id", OutboxEvent.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2) // SKIP LOCKED: two relays never send the same row
                .setMaxResults(config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                    .withTopic(row.topic).withKey(row.aggregateKey).build();
            emitter.send(Message.of(row.envelope)
                    .addMetadata(metadata)
                    .withAck(() -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
            acks.add(ack);
        }
        int sent = 0;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent row = batch.get(i);
            try {
                acks.get(i).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                row.sentAt = clock.instant();
                row.attempts++;
                sent++;
            } catch (Exception e) {
                // Keep order: stop at the first failure; this row and the rest are retried next round.
                row.attempts++;
                row.lastError = String.valueOf(e.getMessage());
                LOG.warnf("Outbox event %s (%s) not acknowledged, will retry: %s", row.id, row.type, e.getMessage());
                break;
            }
        }
        meters.counter("certcare.outbox.published").increment(sent);
        return sent == batch.size() ? sent : -1;
    }

    /** Lets configuration switch the relay off. */
    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {
        private final OutboxConfig config;

        RelayDisabled(OutboxConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.relayEnabled();
        }
    }
}
