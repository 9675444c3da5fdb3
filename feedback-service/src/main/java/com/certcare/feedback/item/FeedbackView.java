package com.certcare.feedback.item;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An item as staff see it. It names who recorded it ({@code recordedBy}): a staff view, never shown to the customer
 * concerned (a complainant's identity stays inside the body; no event carries it).
 */
@Schema(name = "FeedbackItem")
public record FeedbackView(
        @Schema(required = true) long id,
        @Schema(required = true, description = "Given at once on receipt, e.g. FK-2026-00001") String reference,
        Long customerId,
        String customerName,
        String prospectName,
        @Schema(required = true) FeedbackKind kind,
        @Schema(required = true) FeedbackChannel channel,
        @Schema(required = true) Instant receivedAt,
        @Schema(required = true) String recordedBy,
        @Schema(required = true, description = "The poster's department") String department,
        @Schema(required = true) String words,
        @JsonProperty("class") @Schema(name = "class") FeedbackClass feedbackClass,
        String assignedDepartment,
        String explanation,
        String leaderDecision,
        String resolution,
        @Schema(required = true) FeedbackStatus status,
        @Schema(required = true, description = "Statuses it may move to next") List<FeedbackStatus> allowedTransitions,
        String triagedBy,
        Instant triagedAt,
        Instant escalatedAt,
        String decidedBy,
        Instant decidedAt,
        String resolvedBy,
        Instant resolvedAt,
        String closedBy,
        Instant closedAt,
        Instant acknowledgedAt,
        Instant firstRespondedAt,
        @Schema(required = true) Instant acknowledgeDueAt,
        @Schema(required = true) Instant firstResponseDueAt,
        @Schema(required = true) Instant resolutionDueAt,
        @Schema(required = true, description = "Open and past a due time it has not met") boolean overdue,
        @Schema(description = "When the scheduler escalated the missed acknowledgement to the leader") Instant acknowledgeEscalatedAt,
        @Schema(description = "When the scheduler escalated the missed first response") Instant firstResponseEscalatedAt,
        @Schema(description = "When the scheduler escalated the missed resolution") Instant resolutionEscalatedAt,
        @Schema(required = true, description = "Open and escalated to the leader for a missed due time") boolean overdueEscalated,
        @Schema(description = "Marked a serious dissatisfaction or complaint event (重大不满意或投诉事件); null when not") Serious serious,
        @Schema(description = "The formal notification of the outcome (17021-1 9.8); null until recorded") Outcome outcome,
        @Schema(required = true, description = "Send it back unchanged with a change; a stale one gets 409") int version,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) String updatedBy,
        @Schema(required = true) Instant updatedAt) {

    /** Who marked it serious, when, why; {@code automatic}: a complaint or appeal triaged b or c. */
    @Schema(name = "FeedbackSerious")
    public record Serious(@Schema(required = true) Instant markedAt, @Schema(required = true) String markedBy,
            @Schema(description = "Null when marked automatically") String reason,
            @Schema(required = true) boolean automatic) {
        static Serious of(FeedbackItem f) {
            return f.seriousMarkedAt == null ? null
                    : new Serious(f.seriousMarkedAt, f.seriousMarkedBy, f.seriousReason, Boolean.TRUE.equals(f.seriousAutomatic));
        }
    }

    /** How and when the outcome was formally notified, what was said, who recorded it. */
    @Schema(name = "FeedbackOutcome")
    public record Outcome(@Schema(required = true) OutcomeChannel channel, @Schema(required = true) LocalDate notifiedOn,
            @Schema(required = true) String summary, @Schema(required = true) String recordedBy,
            @Schema(required = true) Instant recordedAt) {
        static Outcome of(FeedbackItem f) {
            return f.outcomeRecordedAt == null ? null
                    : new Outcome(f.outcomeChannel, f.outcomeNotifiedOn, f.outcomeSummary, f.outcomeRecordedBy,
                            f.outcomeRecordedAt);
        }
    }

    static FeedbackView of(FeedbackItem f, Instant now) {
        return new FeedbackView(f.id, f.reference, f.customerId, f.customerName, f.prospectName, f.kind, f.channel,
                f.receivedAt, f.recordedBy, f.department, f.words, f.feedbackClass, f.assignedDepartment, f.explanation,
                f.leaderDecision, f.resolution, f.status, List.copyOf(f.status.next()), f.triagedBy, f.triagedAt,
                f.escalatedAt, f.decidedBy, f.decidedAt, f.resolvedBy, f.resolvedAt, f.closedBy, f.closedAt,
                f.acknowledgedAt, f.firstRespondedAt, f.acknowledgeDueAt, f.firstResponseDueAt, f.resolutionDueAt,
                f.overdue(now), f.acknowledgeEscalatedAt, f.firstResponseEscalatedAt, f.resolutionEscalatedAt,
                f.overdueEscalated(), Serious.of(f), Outcome.of(f), f.version, f.createdAt, f.updatedBy, f.updatedAt);
    }
}
