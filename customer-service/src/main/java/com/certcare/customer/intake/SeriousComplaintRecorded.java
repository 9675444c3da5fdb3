package com.certcare.customer.intake;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * customer-service's own reading of feedback-service's {@code SeriousComplaintRecorded} event data (schema version 1,
 * feedback-service's {@code schemas/events/SeriousComplaintRecorded.json}); unknown fields are ignored so the producer
 * may add some. {@code customerId} may be null (a complaint about no registered client): then it counts for no one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeriousComplaintRecorded(
        String itemId,
        String reference,
        String kind,
        Long customerId,
        Instant recordedAt,
        Boolean automatic) {

    /** The first field this consumer needs that the data lacks, or null when all are there. */
    String missing() {
        if (itemId == null || itemId.isBlank()) {
            return "itemId";
        }
        if (reference == null || reference.isBlank()) {
            return "reference";
        }
        return recordedAt == null ? "recordedAt" : null;
    }
}
