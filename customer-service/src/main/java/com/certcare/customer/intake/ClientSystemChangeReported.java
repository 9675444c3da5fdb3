package com.certcare.customer.intake;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * customer-service's own reading of feedback-service's {@code ClientSystemChangeReported} event data (schema
 * version 1, its contract the platform's {@code contracts/ClientSystemChangeReported.json}); unknown fields are
 * ignored so the producer may add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientSystemChangeReported(
        String itemId,
        String reference,
        Long customerId,
        String customerName,
        Instant receivedAt) {

    /** The first field this consumer needs that the data lacks, or null when all are there. */
    String missing() {
        if (itemId == null || itemId.isBlank()) {
            return "itemId";
        }
        if (reference == null || reference.isBlank()) {
            return "reference";
        }
        if (customerId == null) {
            return "customerId";
        }
        return receivedAt == null ? "receivedAt" : null;
    }
}
