package com.certcare.survey.analysis;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.certcare.platform.inbox.ConsumerRetry;
import com.certcare.platform.inbox.ProcessedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads feedback-service's {@code feedback} topic for SeriousComplaintRecorded (重大不满意或投诉事件, 4.7.2): one row per
 * feedback item in {@code survey_serious_event}, counted by the annual figure in the year it was recorded. Other types
 * are skipped. Idempotent by event id and by item; what cannot be read goes to {@code feedback.dlq.survey-service}
 * with the reason.
 */
@ApplicationScoped
public class SeriousComplaintIntake {

    static final String CONSUMER = "survey-service.feedback";
    static final String TYPE = "SeriousComplaintRecorded";
    static final int SCHEMA_VERSION = 1;
    private static final Logger LOG = Logger.getLogger(SeriousComplaintIntake.class);

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final ConsumerRetry retry;
    private final EntityManager em;
    private final Clock clock;

    SeriousComplaintIntake(ObjectMapper mapper, ProcessedEvents processed, ConsumerRetry retry, EntityManager em,
            Clock clock) {
        this.mapper = mapper;
        this.processed = processed;
        this.retry = retry;
        this.em = em;
        this.clock = clock;
    }

    @Incoming("feedback")
    @io.smallrye.common.annotation.Blocking
    public void onFeedbackEvent(String message) throws Exception {
        JsonNode envelope = mapper.readTree(message);
        if (!TYPE.equals(envelope.path("type").asText())) {
            return;
        }
        UUID eventId = UUID.fromString(envelope.path("id").asText());
        if (envelope.path("schemaVersion").asInt(-1) != SCHEMA_VERSION) {
            throw new IllegalArgumentException(TYPE + " " + eventId + " has schemaVersion "
                    + envelope.path("schemaVersion") + "; this consumer reads " + SCHEMA_VERSION);
        }
        JsonNode data = envelope.path("data");
        String itemId = data.path("itemId").asText(null);
        if (itemId == null || itemId.isBlank() || itemId.length() > 50) {
            throw new IllegalArgumentException(TYPE + " " + eventId + " names no item");
        }
        String recorded = data.hasNonNull("recordedAt") ? data.get("recordedAt").asText() : envelope.path("time").asText(null);
        if (recorded == null) {
            throw new IllegalArgumentException(TYPE + " " + eventId + " has no recordedAt or time");
        }
        OffsetDateTime recordedAt = Instant.parse(recorded).atOffset(ZoneOffset.UTC);
        retry.inTransaction(TYPE + " " + eventId, () -> {
            if (!processed.firstDelivery(eventId, CONSUMER)) {
                LOG.debugf("%s %s already applied", TYPE, eventId);
                return;
            }
            em.createNativeQuery("""
                    insert into survey_serious_event (item_id, reference, customer_id, kind, automatic, recorded_at,
                                                      event_id, received_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (item_id) do nothing""")
                    .setParameter(1, itemId)
                    .setParameter(2, text(data, "reference", 50))
                    .setParameter(3, data.hasNonNull("customerId") ? data.get("customerId").asLong() : null)
                    .setParameter(4, text(data, "kind", 30))
                    .setParameter(5, !data.has("automatic") || data.get("automatic").asBoolean(true))
                    .setParameter(6, recordedAt)
                    .setParameter(7, eventId)
                    .setParameter(8, clock.instant().atOffset(ZoneOffset.UTC))
                    .executeUpdate();
        });
    }

    private static String text(JsonNode data, String field, int max) {
        String value = data.hasNonNull(field) ? data.get(field).asText() : null;
        return value == null ? null : value.substring(0, Math.min(max, value.length()));
    }
}
