package com.certcare.feedback.customer;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.certcare.platform.inbox.ConsumerRetry;
import com.certcare.platform.inbox.ProcessedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps {@code customer_copy} from the {@code customers} topic: CustomerRegistered and CustomerUpdated write the
 * customer's id and name, CustomerDeleted removes it; other types are skipped. Idempotent by event id
 * ({@code processed_event}); what cannot be read (a malformed envelope, another schemaVersion, no customerId) fails
 * and goes to the dead-letter topic {@code customers.dlq.feedback-service} with the reason.
 */
@ApplicationScoped
public class CustomerIntake {

    static final String CONSUMER = "feedback-service.customer-copy";
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
    @Blocking
    public void onCustomerEvent(String message) throws Exception {
        JsonNode envelope = mapper.readTree(message);
        UUID eventId = UUID.fromString(envelope.path("id").asText());
        String type = envelope.path("type").asText();
        if (!type.equals("CustomerRegistered") && !type.equals("CustomerUpdated") && !type.equals("CustomerDeleted")) {
            return;
        }
        if (envelope.path("schemaVersion").asInt(-1) != SCHEMA_VERSION) {
            throw new IllegalArgumentException(type + " " + eventId + " has schemaVersion "
                    + envelope.path("schemaVersion") + "; this consumer reads " + SCHEMA_VERSION);
        }
        JsonNode data = envelope.path("data");
        CustomerMessages.Customer customer = switch (type) {
            case "CustomerRegistered" -> mapper.treeToValue(data, CustomerMessages.Customer.class);
            case "CustomerUpdated" -> mapper.treeToValue(data, CustomerMessages.Updated.class).customer();
            default -> null;
        };
        Long deleted = type.equals("CustomerDeleted") ? mapper.treeToValue(data, CustomerMessages.Deleted.class).customerId()
                : null;
        if (customer == null ? deleted == null : customer.customerId() == null || customer.name() == null) {
            throw new IllegalArgumentException(type + " " + eventId + " names no customerId or name");
        }
        retry.inTransaction(type + " " + eventId, () -> {
            if (!processed.firstDelivery(eventId, CONSUMER)) {
                LOG.debugf("%s %s already applied", type, eventId);
                return;
            }
            if (customer == null) {
                CustomerCopy.deleteById(deleted);
                return;
            }
            CustomerCopy copy = CustomerCopy.findById(customer.customerId());
            if (copy == null) {
                copy = new CustomerCopy();
                copy.customerId = customer.customerId();
            }
            copy.name = customer.name();
            copy.creditCode = customer.creditCode();
            copy.updatedAt = clock.instant();
            copy.persist();
        });
    }
}
