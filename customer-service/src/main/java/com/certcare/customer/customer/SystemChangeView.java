package com.certcare.customer.customer;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reported management-system change as the API shows it; open while {@code acknowledgedAt} is null. */
@Schema(name = "SystemChange", requiredProperties = { "id", "customerId", "feedbackItemId", "reference", "reportedAt",
        "summary", "flaggedAt" })
public record SystemChangeView(
        long id,
        long customerId,
        @Schema(description = "feedback-service's item that reported the change") String feedbackItemId,
        @Schema(description = "The feedback item's reference, e.g. FK-2026-00001") String reference,
        @Schema(description = "When the customer reported it") Instant reportedAt,
        @Schema(description = "What is known of it, from the feedback event only") String summary,
        @Schema(description = "When customer-service flagged the customer") Instant flaggedAt,
        @Schema(description = "The market user who confirmed the change was evaluated; null while open") String acknowledgedBy,
        Instant acknowledgedAt,
        @Schema(description = "What the evaluation concluded, as the market user wrote it") String acknowledgeNote) {

    public static SystemChangeView of(SystemChange c) {
        return new SystemChangeView(c.id, c.customerId, c.feedbackItemId, c.reference, c.reportedAt, c.summary,
                c.flaggedAt, c.acknowledgedBy, c.acknowledgedAt, c.acknowledgeNote);
    }
}
