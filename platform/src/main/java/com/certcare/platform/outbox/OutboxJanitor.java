package com.certcare.platform.outbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes outbox rows the broker acknowledged more than {@code certcare.outbox.retention} ago: they
 * served their purpose, and Kafka keeps the events. Unsent rows are never deleted.
 */
@ApplicationScoped
public class OutboxJanitor {

    private static final Logger LOG = Logger.getLogger(OutboxJanitor.class);

    private final OutboxConfig config;
    private final Clock clock;

    OutboxJanitor(OutboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${certcare.outbox.cleanup-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Deletes the sent events past their retention; returns how many. */
    @Transactional
    public long purge() {
        long deleted = OutboxEvent.delete("sentAt is not null and sentAt < ?1", clock.instant().minus(config.retention()));
        if (deleted > 0) {
            LOG.infof("Outbox: deleted %d events sent before the last %s", deleted, config.retention());
        }
        return deleted;
    }
}
