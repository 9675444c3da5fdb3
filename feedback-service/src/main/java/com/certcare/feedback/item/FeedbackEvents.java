package com.certcare.feedback.item;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the {@code feedback} topic carries, key = the item id; each payload is schemas/events/&lt;type&gt;.json. No
 * event names who recorded or posted an item, nor the customer's words: a complainant's identity never leaves
 * the body's staff (17021-1 9.8).
 */
public final class FeedbackEvents {

    public static final String TOPIC = "feedback";
    public static final int SCHEMA_VERSION = 1;
    public static final String RECEIVED = "FeedbackReceived";
    public static final String TRIAGED = "FeedbackTriaged";
    public static final String ESCALATED = "FeedbackEscalated";
    public static final String RESOLVED = "FeedbackResolved";
    public static final String SERIOUS_COMPLAINT = "SeriousComplaintRecorded";
    public static final String CLIENT_SYSTEM_CHANGE = "ClientSystemChangeReported";

    private FeedbackEvents() {
    }

    public record Received(String itemId, String reference, FeedbackKind kind, FeedbackChannel channel, Long customerId,
            String customerName, String department, Instant receivedAt, Instant acknowledgedAt,
            Instant firstResponseDueAt, Instant resolutionDueAt) {
        static Received of(FeedbackItem f) {
            return new Received(String.valueOf(f.id), f.reference, f.kind, f.channel, f.customerId,
                    f.customerId != null ? f.customerName : f.prospectName, f.department, f.receivedAt,
                    f.acknowledgedAt, f.firstResponseDueAt, f.resolutionDueAt);
        }
    }

    public record Triaged(String itemId, String reference, FeedbackKind kind, @JsonProperty("class") FeedbackClass feedbackClass,
            String assignedDepartment, Long customerId, Instant triagedAt) {
        static Triaged of(FeedbackItem f) {
            return new Triaged(String.valueOf(f.id), f.reference, f.kind, f.feedbackClass, f.assignedDepartment,
                    f.customerId, f.triagedAt);
        }
    }

    /**
     * An item went to the leader: triaged as class c ({@code CLASS_C}), or a due time it missed ({@code OVERDUE_*},
     * once per due time, {@code dueAt} the time missed).
     */
    public record Escalated(String itemId, String reference, FeedbackKind kind, EscalationReason reason,
            Instant escalatedAt, Instant dueAt, FeedbackStatus status, String assignedDepartment, Instant resolutionDueAt) {
        static Escalated classC(FeedbackItem f) {
            return new Escalated(String.valueOf(f.id), f.reference, f.kind, EscalationReason.CLASS_C, f.escalatedAt,
                    null, f.status, f.assignedDepartment, f.resolutionDueAt);
        }

        static Escalated overdue(FeedbackItem f, EscalationReason reason, Instant now) {
            return new Escalated(String.valueOf(f.id), f.reference, f.kind, reason, now, f.dueAt(reason), f.status,
                    f.assignedDepartment, f.resolutionDueAt);
        }
    }

    public record Resolved(String itemId, String reference, FeedbackKind kind, @JsonProperty("class") FeedbackClass feedbackClass,
            String assignedDepartment, Long customerId, Instant resolvedAt, boolean onTime) {
        static Resolved of(FeedbackItem f) {
            return new Resolved(String.valueOf(f.id), f.reference, f.kind, f.feedbackClass, f.assignedDepartment,
                    f.customerId, f.resolvedAt, !f.resolvedAt.isAfter(f.resolutionDueAt));
        }
    }

    /**
     * A serious dissatisfaction or complaint event (重大不满意或投诉事件, 4.7.2), once per item: a COMPLAINT or APPEAL
     * triaged as b or c, i.e. found reasonable ({@code automatic}), or any item the market department marked. Counted
     * by survey-service's annual satisfaction and the client's grading. The marking's reason stays in the service.
     */
    public record SeriousComplaintRecorded(String itemId, String reference, FeedbackKind kind,
            @JsonProperty("class") FeedbackClass feedbackClass, Long customerId, String customerName, Instant receivedAt,
            Instant recordedAt, boolean automatic) {
        static SeriousComplaintRecorded of(FeedbackItem f) {
            return new SeriousComplaintRecorded(String.valueOf(f.id), f.reference, f.kind, f.feedbackClass,
                    f.customerId, f.customerId != null ? f.customerName : f.prospectName, f.receivedAt,
                    f.seriousMarkedAt, Boolean.TRUE.equals(f.seriousAutomatic));
        }
    }

    /** The client's management system changed (17021-1 8.5): customer-service marks the record for review. */
    public record ClientSystemChangeReported(String itemId, String reference, long customerId, String customerName,
            Instant receivedAt) {
        static ClientSystemChangeReported of(FeedbackItem f) {
            return new ClientSystemChangeReported(String.valueOf(f.id), f.reference, f.customerId, f.customerName,
                    f.receivedAt);
        }
    }
}
