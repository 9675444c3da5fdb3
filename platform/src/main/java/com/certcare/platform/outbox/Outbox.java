package com.certcare.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records an event in the outbox table inside the caller's transaction: the event exists if and only
 * if the change it describes was committed. Publishing is the {@link OutboxRelay}'s job.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(ObjectMapper mapper, OutboxConfig config, Clock clock, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay) {
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * @param topic         one topic per aggregate, e.g. {@code customers}
     * @param subject       the aggregate id; becomes the record key
     * @param type          the event type name
     * @param schemaVersion version of the payload schema
     * @param data          the payload, serialised with the application's ObjectMapper
     * @return the stored envelope
     */
    @Transactional(TxType.MANDATORY)
    public EventEnvelope publish(String topic, String subject, String type, int schemaVersion, Object data) {
        Instant now = clock.instant();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, config.source(), now, subject,
                schemaVersion, mapper.valueToTree(data));
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.id();
        row.topic = topic;
        row.aggregateKey = subject;
        row.type = type;
        row.createdAt = now;
        try {
            row.envelope = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + type + " cannot be serialised", e);
        }
        row.persist();
        wakeRelayAfterCommit();
        return envelope;
    }

    /** Once per transaction: when it commits, the relay publishes its events at once, not at the next poll. */
    private void wakeRelayAfterCommit() {
        if (!config.wakeOnCommit() || transactions.getResource(WakeRelay.class) != null) {
            return;
        }
        transactions.putResource(WakeRelay.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new WakeRelay(relay));
    }

    private record WakeRelay(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
