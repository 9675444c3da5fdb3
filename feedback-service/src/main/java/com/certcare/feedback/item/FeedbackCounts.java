package com.certcare.feedback.item;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the SPA's menu badge shows, of the items the caller may see. */
public record FeedbackCounts(@Schema(required = true, description = "RECEIVED, not yet triaged") long received,
        @Schema(required = true, description = "ESCALATED, waiting for the leader") long escalated,
        @Schema(required = true, description = "Open and past a due time") long overdue,
        @Schema(required = true, description = "Open and escalated to the leader for a missed due time (the scheduler)") long overdueEscalated,
        @Schema(required = true, description = "IN_HANDLING: for a department caller, those assigned to its department (its work in hand); for the others, all") long inHandling) {
}
