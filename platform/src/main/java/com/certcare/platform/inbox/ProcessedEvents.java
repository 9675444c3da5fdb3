package com.certcare.platform.inbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Idempotent-consumer support: a consumer records the event id in {@code processed_event} in the
 * same transaction as its effect, and skips an event it has already recorded.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;
    private final Clock clock;

    ProcessedEvents(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Claims the event for this consumer.
     *
     * @return true the first time, false when this consumer has already processed the event
     */
    @Transactional(TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        int inserted = em.createNativeQuery("""
                insert into processed_event (event_id, consumer, processed_at) values (?1, ?2, ?3)
                on conflict (event_id, consumer) do nothing""")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                .setParameter(3, clock.instant())
                .executeUpdate();
        return inserted == 1;
    }
}
