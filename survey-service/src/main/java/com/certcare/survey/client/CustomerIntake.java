package com.certcare.survey.client;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.certcare.platform.inbox.ConsumerRetry;
import com.certcare.platform.inbox.ProcessedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the {@code customers} topic. CustomerRegistered / CustomerUpdated keep {@code survey_client} (name, province,
 * professional codes, grade, the primary contact's e-mail); CustomerDeleted removes it. CertificationStatusChanged to VALID,
 * other than back from SUSPENDED, makes the client due its first-service-cycle survey ({@code survey_due}), once per
 * client: a second scheme becoming valid later, or a re-certification, does not ask again. Other types are skipped.
 * Idempotent by event id; what cannot be read goes to {@code customers.dlq.survey-service} with the reason.
 */
@ApplicationScoped
public class CustomerIntake {

    static final String CONSUMER = "survey-service.customers";
    static final int SCHEMA_VERSION = 1;
    private static final Logger LOG = Logger.getLogger(CustomerIntake.class);

    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final ConsumerRetry retry;
    private final Clock clock;

    CustomerIntake(ObjectMapper mapper, ProcessedEvents processed, ConsumerRetry retry, Clock clock) {
        this.mapper = mapper;
        this.processed = processed;
        this.retry = retry;
        this.clock = clock;
    }

    @Incoming("customers")
    @io.smallrye.common.annotation.Blocking
    public void onCustomerEvent(String message) throws Exception {
        JsonNode envelope = mapper.readTree(message);
        String type = envelope.path("type").asText();
        if (!type.equals("CustomerRegistered") && !type.equals("CustomerUpdated") && !type.equals("CustomerDeleted")
                && !type.equals("CertificationStatusChanged")) {
            return;
        }
        UUID eventId = UUID.fromString(envelope.path("id").asText());
        if (envelope.path("schemaVersion").asInt(-1) != SCHEMA_VERSION) {
            throw new IllegalArgumentException(type + " " + eventId + " has schemaVersion "
                    + envelope.path("schemaVersion") + "; this consumer reads " + SCHEMA_VERSION);
        }
        JsonNode data = envelope.path("data");
        Instant time = envelope.hasNonNull("time") ? Instant.parse(envelope.get("time").asText()) : clock.instant();
        Runnable work = switch (type) {
            case "CustomerRegistered" -> keep(eventId, type, mapper.treeToValue(data, CustomerMessages.Customer.class));
            case "CustomerUpdated" -> keep(eventId, type, mapper.treeToValue(data, CustomerMessages.Updated.class).customer());
            case "CustomerDeleted" -> {
                Long id = mapper.treeToValue(data, CustomerMessages.Deleted.class).customerId();
                if (id == null) {
                    throw new IllegalArgumentException(type + " " + eventId + " names no customerId");
                }
                yield () -> SurveyClient.deleteById(id);
            }
            default -> statusChanged(eventId, mapper.treeToValue(data, CustomerMessages.StatusChanged.class), time);
        };
        retry.inTransaction(type + " " + eventId, () -> {
            if (!processed.firstDelivery(eventId, CONSUMER)) {
                LOG.debugf("%s %s already applied", type, eventId);
                return;
            }
            work.run();
        });
    }

    private Runnable keep(UUID eventId, String type, CustomerMessages.Customer c) {
        if (c == null || c.customerId() == null || c.name() == null) {
            throw new IllegalArgumentException(type + " " + eventId + " names no customerId or name");
        }
        return () -> {
            SurveyClient copy = SurveyClient.findById(c.customerId());
            if (copy == null) {
                copy = new SurveyClient();
                copy.customerId = c.customerId();
            }
            copy.name = c.name();
            copy.provinceCode = c.provinceCode();
            copy.professionalCodes = c.professionalCodes() == null ? null : String.join(",", c.professionalCodes());
            copy.contactEmail = c.primaryContact() == null ? null : blankToNull(c.primaryContact().email());
            copy.grade = blankToNull(c.grade());
            copy.updatedAt = clock.instant();
            copy.persist();
        };
    }

    private Runnable statusChanged(UUID eventId, CustomerMessages.StatusChanged s, Instant time) {
        if (s == null || s.customerId() == null || s.certificationId() == null || s.scheme() == null || s.to() == null) {
            throw new IllegalArgumentException("CertificationStatusChanged " + eventId
                    + " lacks customerId, certificationId, scheme or to");
        }
        return () -> {
            if (!"VALID".equals(s.to())) {
                return;
            }
            SurveyClient client = SurveyClient.findById(s.customerId());
            if (client != null) {
                client.addScheme(s.scheme());
            }
            if ("SUSPENDED".equals(s.from()) || SurveyDue.findById(s.customerId()) != null) {
                return; // the first service cycle's survey is already scheduled (or done)
            }
            SurveyDue due = new SurveyDue();
            due.customerId = s.customerId();
            due.certificationId = s.certificationId();
            due.scheme = s.scheme();
            due.validSince = time;
            due.createdAt = clock.instant();
            due.persist();
            LOG.infof("Customer %d due its first-cycle survey (certification %d, %s, valid)", s.customerId(),
                    s.certificationId(), s.scheme());
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
