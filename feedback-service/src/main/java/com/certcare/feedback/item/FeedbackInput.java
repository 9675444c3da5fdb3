package com.certcare.feedback.item;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** A new item as a department, the market department or a department's system posts it. */
@Schema(name = "FeedbackInput")
public record FeedbackInput(
        @Schema(description = "The customer (customer-service's id, from this service's read copy); or give prospectName") Long customerId,
        @Schema(maxLength = 200, description = "A prospect not (yet) in the customer registry, by name; when customerId is absent") String prospectName,
        @Schema(required = true) FeedbackKind kind,
        @Schema(required = true) FeedbackChannel channel,
        @JsonDeserialize(using = IsoInstant.class) @Schema(description = "When the body received it (default: now); not in the future") Instant receivedAt,
        @Schema(required = true, maxLength = 10000, description = "The customer's own words") String words) {
}
