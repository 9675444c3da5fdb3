package com.certcare.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
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

    Outbox(ObjectMapper mapper, OutboxConfig config, Clock clock) {
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
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
        return envelope;
    }
}
