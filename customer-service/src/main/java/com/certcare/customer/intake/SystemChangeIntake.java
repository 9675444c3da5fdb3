package com.certcare.customer.intake;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.certcare.customer.customer.SystemChanges;
import com.certcare.platform.inbox.ConsumerRetry;
import com.certcare.platform.inbox.ProcessedEvents;
import com.certcare.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * Consumes {@code ClientSystemChangeReported} from feedback-service's {@code feedback} topic (17021-1 8.5): flags the
 * customer with the reported management-system change until market acknowledges it; hands
 * {@code SeriousComplaintRecorded} to {@link ComplaintIntake} (grading). The topic's other types are skipped. Idempotent by event id ({@code processed_event}) and by feedback item (one flag per item); an event it
 * cannot apply — unreadable, another schemaVersion, a field missing, a customer this service does not hold — fails
 * and goes to {@code feedback.dlq.customer-service} with the reason, changing nothing.
 */
@ApplicationScoped
public class SystemChangeIntake {

    static final String CONSUMER = "customer-service.system-change-intake";
    static final String TYPE = "ClientSystemChangeReported";
    /** The major version of ClientSystemChangeReported's data this consumer reads; another goes to the dead-letter topic. */
    static final int VERSION = 1;
    private static final Logger LOG = Logger.getLogger(SystemChangeIntake.class);

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final SystemChanges changes;
    private final ConsumerRetry retry;
    private final ComplaintIntake complaints;

    SystemChangeIntake(ObjectMapper mapper, ProcessedEvents processed, SystemChanges changes, ConsumerRetry retry,
            ComplaintIntake complaints) {
        this.mapper = mapper;
        this.processed = processed;
        this.changes = changes;
        this.retry = retry;
        this.complaints = complaints;
    }

    /**
     * What the message is, is settled once (unreadable, another version, a field missing: it fails at once); applying
     * it is retried while it fails for a reason that may pass, each attempt in a transaction of its own.
     */
    @Incoming("feedback")
    @Blocking
    public void onFeedbackEvent(String message) throws Exception {
        JsonNode envelope = mapper.readTree(message);
        if (envelope != null && ComplaintIntake.TYPE.equals(envelope.path("type").asText())) {
            complaints.apply(envelope); // a serious complaint: counted in the customer's grade
            return;
        }
        if (envelope == null || !TYPE.equals(envelope.path("type").asText())) {
            return; // FeedbackReceived, FeedbackTriaged, …: not this service's business
        }
        UUID eventId = UUID.fromString(envelope.path("id").asText());
        int version = envelope.path("schemaVersion").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException(TYPE + " " + eventId + " has schemaVersion "
                    + envelope.path("schemaVersion") + "; this consumer reads " + VERSION);
        }
        ClientSystemChangeReported data = mapper.treeToValue(envelope.path("data"), ClientSystemChangeReported.class);
        String missing = data == null ? "data" : data.missing();
        if (missing != null) {
            throw new IllegalArgumentException(TYPE + " " + eventId + " has no " + missing);
        }
        SystemChanges.Report report = new SystemChanges.Report(data.customerId(), data.itemId(), data.reference(),
                data.customerName(), data.receivedAt());
        retry.inTransaction(TYPE + " " + eventId, () -> {
            if (!processed.firstDelivery(eventId, CONSUMER)) {
                LOG.debugf("%s %s already applied", TYPE, eventId);
                return;
            }
            try {
                if (!changes.report(report, "feedback:" + data.reference(), TYPE + " " + data.reference())) {
                    LOG.debugf("%s %s: feedback item %s flagged already", TYPE, eventId, data.itemId());
                }
            } catch (ProblemException e) {
                if (e.status() == 404) {
                    // not dropped: the dead-letter topic keeps it, replayable once the customer is registered here
                    throw new IllegalArgumentException(TYPE + " " + eventId + " (" + data.reference() + ") names customer "
                            + data.customerId() + ", which customer-service does not hold", e);
                }
                throw e;
            }
        });
    }
}
