package com.certcare.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CloudEvents-style envelope every CertCare event travels in.
 *
 * @param id            unique event id; consumers deduplicate on it
 * @param type          event type, e.g. {@code CustomerRegistered}
 * @param source        the producing service, e.g. {@code customer-service}
 * @param time          when the change happened
 * @param subject       the aggregate id the event is about (also the Kafka key)
 * @param schemaVersion version of the {@code data} schema, bumped on incompatible change
 * @param data          the event payload
 */
public record EventEnvelope(UUID id, String type, String source, Instant time, String subject, int schemaVersion,
        JsonNode data) {
}
