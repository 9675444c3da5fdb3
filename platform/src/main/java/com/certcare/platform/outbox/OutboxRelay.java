package com.certcare.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.jpa.SpecHints;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import com.certcare.platform.persistence.DatabaseFailures;

/**
 * Publishes outbox rows to Kafka in write order ({@code seq}) and marks each one sent only after the
 * broker acknowledged it (the {@code outbox} channel is configured with acks=all and idempotence). A
 * crash between the ack and the commit publishes the event again; consumers deduplicate on the event id.
 *
 * <p>When it runs: a transaction that wrote outbox rows wakes it as it commits ({@link #wake()}, from
 * {@link Outbox}), so an event reaches the broker milliseconds after its change; the poll every
 * {@code certcare.outbox.poll-interval} is the safety net (another instance's rows, a failed round). Rounds
 * run one at a time on one thread of their own; wake-ups during a round are merged into one more round.
 *
 * <p>When the broker fails: a row it cannot take now (down, slow, leader moving) stays unsent and is tried
 * again, never parked; a send whose acknowledgement has not come yet is waited for, not repeated, so an
 * outage does not pile copies of the same event into the producer. A row it refuses for a reason that will
 * not pass (too large, not authorised) is parked after {@code certcare.outbox.max-attempts}: kept with its
 * error, counted by the {@code certcare.outbox.parked} gauge, and the rest flows on. Events of one
 * aggregate keep their order except around a parked row, whose later events were already on the broker.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** publishBatch's answer when a row was not acknowledged: the round stops, the poll comes back. */
    static final int INCOMPLETE = -1;

    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer lag;
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong unsent = new AtomicLong();
    /** Sends not yet acknowledged, by row id: a later round waits for these instead of sending again. */
    private final Map<UUID, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean started;
    private volatile boolean countDue = true;

    OutboxRelay(@Channel("outbox") Emitter<String> emitter, OutboxConfig config, EntityManager em, Clock clock,
            MeterRegistry meters) {
        this.emitter = emitter;
        this.config = config;
        this.em = em;
        this.clock = clock;
        this.meters = meters;
        this.lag = Timer.builder("certcare.outbox.lag")
                .description("From an event's write to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        Gauge.builder("certcare.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows the broker refused for good; kept, no longer tried")
                .register(meters);
        Gauge.builder("certcare.outbox.unsent", unsent, AtomicLong::get)
                .description("Outbox rows waiting for the broker (as of the last poll)")
                .register(meters);
    }

    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    @Scheduled(every = "${certcare.outbox.poll-interval:1s}", delayed = "${certcare.outbox.start-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class)
    void poll() {
        countDue = true;
        wake();
    }

    /**
     * Asks for a relay round soon. Rounds never overlap; a request made while one is already queued is the
     * same request. Cheap enough to call after every commit.
     */
    public void wake() {
        if (!started || !config.relayEnabled()) {
            return;
        }
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                queued.set(false); // shutting down
            }
        }
    }

    /** Publishes batches until none is full or a row was not acknowledged. */
    void drain() {
        queued.set(false);
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == config.batchSize());
            if (countDue) { // once per poll, not after every commit's wake-up
                countDue = false;
                QuarkusTransaction.requiringNew().run(this::count);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay round failed, the next poll retries: %s", e.toString());
        }
    }

    /** Publishes one batch; returns how many rows were marked sent, or {@link #INCOMPLETE}. */
    int publishBatch() {
        List<OutboxEvent> batch = em.createQuery(
                "from OutboxEvent where sentAt is null and parkedAt is null order by seq", OutboxEvent.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2) // SKIP LOCKED: two relays never send the same row
                .setMaxResults(config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            acks.add(inFlight.computeIfAbsent(row.id, id -> send(row)));
        }
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        int sent = 0;
        boolean complete = true;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent row = batch.get(i);
            CompletableFuture<Void> ack = acks.get(i);
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                inFlight.remove(row.id, ack);
                Instant now = clock.instant();
                row.sentAt = now;
                row.lastError = null;
                lag.record(Duration.between(row.createdAt, now));
                sent++;
            } catch (TimeoutException e) {
                complete = false; // still in flight: the next round waits for the same send
                row.lastError = "no acknowledgement within " + config.ackTimeout();
            } catch (ExecutionException e) {
                inFlight.remove(row.id, ack);
                complete = false;
                refused(row, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return INCOMPLETE;
            }
        }
        meters.counter("certcare.outbox.published").increment(sent);
        return complete ? sent : INCOMPLETE;
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        row.attempts++;
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(row.topic).withKey(row.aggregateKey).build();
        try {
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
        } catch (RuntimeException e) { // the emitter's buffer is full or the channel is down: try again later
            ack.completeExceptionally(new NotHandedOver(e));
        }
        return ack;
    }

    private void refused(OutboxEvent row, Throwable failure) {
        row.lastError = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (!transientFailure(failure) && row.attempts >= config.maxAttempts()) {
            row.parkedAt = clock.instant();
            LOG.errorf("Outbox event %s (%s, key %s, seq %d) parked after %d attempts: %s", row.id, row.type,
                    row.aggregateKey, row.seq, row.attempts, row.lastError);
        } else {
            LOG.warnf("Outbox event %s (%s) not acknowledged (attempt %d), will retry: %s", row.id, row.type,
                    row.attempts, row.lastError);
        }
    }

    /** A failure that may pass by itself: the broker is down, slow or moving a partition. */
    static boolean transientFailure(Throwable failure) {
        return DatabaseFailures.anyCause(failure, t -> t instanceof RetriableException || t instanceof TimeoutException);
    }

    /** Refreshes the gauges (partial indexes keep both counts cheap). */
    void count() {
        parked.set(((Number) em.createNativeQuery("select count(*) from outbox_event where parked_at is not null")
                .getSingleResult()).longValue());
        unsent.set(((Number) em.createNativeQuery(
                "select count(*) from outbox_event where sent_at is null and parked_at is null")
                .getSingleResult()).longValue());
    }

    /** Before the persistence layer closes: no round starts any more, the running one may finish. */
    void onStop(@Observes ShutdownEvent event) {
        started = false;
        stop();
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
        try {
            worker.awaitTermination(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The emitter did not take the record (its buffer is full, the channel is not up yet): try again later. */
    static final class NotHandedOver extends RetriableException {
        NotHandedOver(Throwable cause) {
            super("not handed to the producer: " + cause.getMessage(), cause);
        }
    }

    /**
     * Skips the poll while configuration switches the relay off, and until the application has started: a poll
     * due while the start-up is still connecting the messaging channels (slow on a busy machine, when the start
     * delay is up before the start is) would create the relay before its emitter can be connected, and failed with
     * an ERROR and a stack trace at every start.
     */
    @ApplicationScoped
    public static class RelayDisabled implements io.quarkus.scheduler.Scheduled.SkipPredicate {
        private final OutboxConfig config;
        private volatile boolean started;

        RelayDisabled(OutboxConfig config) {
            this.config = config;
        }

        void onStart(@Observes StartupEvent event) {
            started = true;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !started || !config.relayEnabled();
        }
    }
}
