package com.certcare.customer.intake;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.certcare.customer.grading.Grading;
import com.certcare.platform.inbox.ConsumerRetry;
import com.certcare.platform.inbox.ProcessedEvents;
import com.certcare.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Applies feedback-service's {@code SeriousComplaintRecorded} (4.7.2; a reference input of the grading, 4.2.3): stores
 * the complaint under the customer, once per feedback item, and grades the customer again. Delivered by
 * {@link SystemChangeIntake}, the one consumer of the {@code feedback} topic. Idempotent by event id
 * ({@code processed_event}, consumer {@value #CONSUMER}) and by item; an event without a customer counts for no one
 * and is skipped; one that cannot be applied — another schemaVersion, a field missing, a customer this service does
 * not hold — fails and goes to the dead-letter topic with the reason, changing nothing.
 */
@ApplicationScoped
public class ComplaintIntake {

    static final String CONSUMER = "customer-service.complaint-intake";
    static final String TYPE = "SeriousComplaintRecorded";
    /** The major version of SeriousComplaintRecorded's data this consumer reads. */
    static final int VERSION = 1;
    private static final Logger LOG = Logger.getLogger(ComplaintIntake.class);

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final Grading grading;
    private final ConsumerRetry retry;

    ComplaintIntake(ObjectMapper mapper, ProcessedEvents processed, Grading grading, ConsumerRetry retry) {
        this.mapper = mapper;
        this.processed = processed;
        this.grading = grading;
        this.retry = retry;
    }

    void apply(JsonNode envelope) throws Exception {
        UUID eventId = UUID.fromString(envelope.path("id").asText());
        int version = envelope.path("schemaVersion").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException(TYPE + " " + eventId + " has schemaVersion "
                    + envelope.path("schemaVersion") + "; this consumer reads " + VERSION);
        }
        SeriousComplaintRecorded data = mapper.treeToValue(envelope.path("data"), SeriousComplaintRecorded.class);
        String missing = data == null ? "data" : data.missing();
        if (missing != null) {
            throw new IllegalArgumentException(TYPE + " " + eventId + " has no " + missing);
        }
        if (data.customerId() == null) {
            LOG.debugf("%s %s (%s) names no customer: counts for no one", TYPE, eventId, data.reference());
            return;
        }
        Grading.SeriousComplaint complaint = new Grading.SeriousComplaint(data.customerId(), data.itemId(),
                data.reference(), data.kind(), data.automatic() == null || data.automatic(), data.recordedAt());
        retry.inTransaction(TYPE + " " + eventId, () -> {
            if (!processed.firstDelivery(eventId, CONSUMER)) {
                LOG.debugf("%s %s already applied", TYPE, eventId);
                return;
            }
            try {
                if (!grading.complaint(complaint, "feedback:" + data.reference())) {
                    LOG.debugf("%s %s: feedback item %s stored already", TYPE, eventId, data.itemId());
                }
            } catch (ProblemException e) {
                if (e.status() == 404) {
                    throw new IllegalArgumentException(TYPE + " " + eventId + " (" + data.reference() + ") names customer "
                            + data.customerId() + ", which customer-service does not hold", e);
                }
                throw e;
            }
        });
    }
}
