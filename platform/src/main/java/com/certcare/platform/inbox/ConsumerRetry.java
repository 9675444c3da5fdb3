package com.certcare.platform.inbox;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.certcare.platform.persistence.DatabaseFailures;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Runs a consumer's work again when it failed for a reason that may pass (the database restarting, a lock
 * held by a concurrent writer, a row changed meanwhile), with a growing pause between attempts. What can
 * never succeed (a malformed event, a rule it breaks) fails at once, and so does the last attempt: the
 * channel's failure strategy then puts the message on the dead-letter topic with the reason.
 *
 * <p>Each attempt must be its own transaction ({@code QuarkusTransaction.requiringNew()} inside the work),
 * so a retry starts from what is committed. Blocks the consumer's worker thread while it waits: the
 * partition waits too, which keeps the events of one aggregate in order.
 */
@ApplicationScoped
public class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    private final Config config;
    private final EntityManager em;
    private final MeterRegistry meters;

    public ConsumerRetry(Config config, EntityManager em, MeterRegistry meters) {
        this.config = config;
        this.em = em;
        this.meters = meters;
    }

    /**
     * Runs {@code work} in a transaction of its own, again in a new one while it fails transiently. A lock
     * held longer than {@code lock-timeout} (a form save, an import) fails the attempt rather than holding
     * the partition indefinitely; the next attempt waits for it again.
     */
    public void inTransaction(String what, Runnable work) {
        run(what, () -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("set local lock_timeout = '" + config.lockTimeout().toMillis() + "ms'")
                    .executeUpdate();
            work.run();
        }));
    }

    /** Runs {@code work}, again after a pause while it fails transiently, at most {@code max-attempts} times. */
    public void run(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        });
    }

    /** As {@link #run}, returning the work's result. */
    public <T> T call(String what, Supplier<T> work) {
        Duration pause = config.initialBackoff();
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts() || !DatabaseFailures.isTransient(e)) {
                    throw e;
                }
                meters.counter("certcare.consumer.retries").increment();
                LOG.warnf("%s failed transiently (attempt %d of %d), again in %d ms: %s", what, attempt,
                        config.maxAttempts(), pause.toMillis(), e.toString());
                sleep(pause);
                pause = min(pause.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    @ConfigMapping(prefix = "certcare.consumer.retry")
    public interface Config {
        /** Attempts in all, the first included. */
        @WithDefault("5")
        int maxAttempts();

        /** The pause after the first failure; doubled after each further one. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** The longest pause between two attempts. */
        @WithDefault("5s")
        Duration maxBackoff();

        /** How long an attempt of {@link #inTransaction} waits for a row lock before it fails (and is retried). */
        @WithDefault("5s")
        Duration lockTimeout();
    }
}
