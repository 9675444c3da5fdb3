package com.certcare.feedback.item;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import com.certcare.platform.history.Audited;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.history.Subject;
import com.certcare.platform.persistence.AuditedEntity;
import com.certcare.platform.problem.ProblemException;

/**
 * A customer requirement, feedback, complaint or appeal (4.4) and its triage (4.5). The status changes only through
 * the transition methods here, each checking the current status.
 */
@Entity
@Table(name = "feedback_item")
public class FeedbackItem extends AuditedEntity implements Audited {

    public static final String HISTORY = "feedback";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedback_item_seq")
    @SequenceGenerator(name = "feedback_item_seq", sequenceName = "feedback_item_seq", allocationSize = 50)
    public Long id;

    @Column(updatable = false)
    public String reference;
    @Column(name = "customer_id")
    public Long customerId;
    @Column(name = "customer_name")
    public String customerName;
    @Column(name = "prospect_name")
    public String prospectName;
    @Enumerated(EnumType.STRING)
    public FeedbackKind kind;
    @Enumerated(EnumType.STRING)
    public FeedbackChannel channel;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "recorded_by", updatable = false)
    public String recordedBy;
    /** The poster's department. */
    public String department;
    /** The customer's own words. */
    public String words;

    @Enumerated(EnumType.STRING)
    @Column(name = "class")
    public FeedbackClass feedbackClass;
    @Column(name = "assigned_department")
    public String assignedDepartment;
    public String explanation;
    @Column(name = "leader_decision")
    public String leaderDecision;
    public String resolution;
    @Enumerated(EnumType.STRING)
    public FeedbackStatus status;

    @Column(name = "triaged_by")
    public String triagedBy;
    @Column(name = "triaged_at")
    public Instant triagedAt;
    @Column(name = "escalated_at")
    public Instant escalatedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "first_responded_at")
    public Instant firstRespondedAt;
    @Column(name = "acknowledge_due_at")
    public Instant acknowledgeDueAt;
    @Column(name = "first_response_due_at")
    public Instant firstResponseDueAt;
    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;
    /** When the scheduler escalated the missed acknowledgement (once). */
    @Column(name = "acknowledge_escalated_at")
    public Instant acknowledgeEscalatedAt;
    @Column(name = "first_response_escalated_at")
    public Instant firstResponseEscalatedAt;
    @Column(name = "resolution_escalated_at")
    public Instant resolutionEscalatedAt;
    /** Marked a serious dissatisfaction or complaint event (重大不满意或投诉事件): when, by whom, why, automatically or not. */
    @Column(name = "serious_marked_at")
    public Instant seriousMarkedAt;
    @Column(name = "serious_marked_by")
    public String seriousMarkedBy;
    @Column(name = "serious_reason")
    public String seriousReason;
    @Column(name = "serious_automatic")
    public Boolean seriousAutomatic;
    /** The formal notification of the outcome (17021-1 9.8). */
    @Enumerated(EnumType.STRING)
    @Column(name = "outcome_channel")
    public OutcomeChannel outcomeChannel;
    @Column(name = "outcome_notified_on")
    public java.time.LocalDate outcomeNotifiedOn;
    @Column(name = "outcome_summary")
    public String outcomeSummary;
    @Column(name = "outcome_recorded_by")
    public String outcomeRecordedBy;
    @Column(name = "outcome_recorded_at")
    public Instant outcomeRecordedAt;

    static void checkTransition(FeedbackStatus from, FeedbackStatus to) {
        if (!from.canBecome(to)) {
            throw ProblemException.forbiddenTransition(from, to);
        }
    }

    /** RECEIVED → TRIAGED with its class; the triage is the first response (and acknowledges what was not yet). */
    void triage(FeedbackClass c, String explanation, String by, Instant now) {
        checkTransition(status, FeedbackStatus.TRIAGED);
        status = FeedbackStatus.TRIAGED;
        feedbackClass = c;
        this.explanation = explanation;
        triagedBy = by;
        triagedAt = now;
        firstRespondedAt = now;
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
        }
    }

    /** TRIAGED (class b) or DECIDED (class c) → IN_HANDLING at {@code department}. */
    void assign(String department) {
        checkTransition(status, FeedbackStatus.IN_HANDLING);
        status = FeedbackStatus.IN_HANDLING;
        assignedDepartment = department;
    }

    /** TRIAGED (class c) → ESCALATED to the leader. */
    void escalate(Instant now) {
        checkTransition(status, FeedbackStatus.ESCALATED);
        status = FeedbackStatus.ESCALATED;
        escalatedAt = now;
    }

    /** ESCALATED → DECIDED: the leader's decision. */
    void decide(String decision, String by, Instant now) {
        checkTransition(status, FeedbackStatus.DECIDED);
        status = FeedbackStatus.DECIDED;
        leaderDecision = decision;
        decidedBy = by;
        decidedAt = now;
    }

    /** IN_HANDLING → RESOLVED with what the department did. */
    void resolve(String resolution, String by, Instant now) {
        checkTransition(status, FeedbackStatus.RESOLVED);
        status = FeedbackStatus.RESOLVED;
        this.resolution = resolution;
        resolvedBy = by;
        resolvedAt = now;
    }

    /** RESOLVED, or TRIAGED as class (a) with its explanation → CLOSED. */
    void close(String by, Instant now) {
        checkTransition(status, FeedbackStatus.CLOSED);
        if (status == FeedbackStatus.TRIAGED && feedbackClass != FeedbackClass.A_UNREASONABLE) {
            throw ProblemException.forbiddenTransition(status, FeedbackStatus.CLOSED);
        }
        if (status == FeedbackStatus.TRIAGED) {
            resolvedAt = now;
            resolvedBy = triagedBy;
        }
        status = FeedbackStatus.CLOSED;
        closedBy = by;
        closedAt = now;
    }

    /**
     * Marks it a serious dissatisfaction or complaint event, once: false (and nothing changes) when it was marked
     * before, automatically or by hand — so SeriousComplaintRecorded is emitted once per item.
     */
    boolean markSerious(String reason, boolean automatic, String by, Instant now) {
        if (seriousMarkedAt != null) {
            return false;
        }
        seriousMarkedAt = now;
        seriousMarkedBy = by;
        seriousReason = reason;
        seriousAutomatic = automatic;
        return true;
    }

    /** Whether the outcome may be notified now: RESOLVED, or TRIAGED as class (a) (the explanation is the outcome). */
    boolean outcomeDue() {
        return status == FeedbackStatus.RESOLVED
                || status == FeedbackStatus.TRIAGED && feedbackClass == FeedbackClass.A_UNREASONABLE;
    }

    /** Records the formal notification of the outcome, once. */
    void notifyOutcome(OutcomeChannel channel, java.time.LocalDate on, String summary, String by, Instant now) {
        if (outcomeRecordedAt != null) {
            throw new ProblemException(409, "outcome-already-notified", reference);
        }
        if (!outcomeDue()) {
            throw new ProblemException(409, "outcome-not-due", reference);
        }
        outcomeChannel = channel;
        outcomeNotifiedOn = on;
        outcomeSummary = summary;
        outcomeRecordedBy = by;
        outcomeRecordedAt = now;
    }

    /** Open and past a due time it has not met. */
    public boolean overdue(Instant now) {
        return status.open() && (now.isAfter(resolutionDueAt)
                || firstRespondedAt == null && now.isAfter(firstResponseDueAt)
                || acknowledgedAt == null && now.isAfter(acknowledgeDueAt));
    }

    /**
     * The due times this open item has missed and that were not escalated yet, each marked escalated at {@code now}
     * (so never escalated twice); none for a RESOLVED or CLOSED item.
     */
    java.util.List<EscalationReason> escalateOverdue(Instant now) {
        java.util.List<EscalationReason> reasons = new java.util.ArrayList<>();
        if (!status.open()) {
            return reasons;
        }
        if (acknowledgedAt == null && now.isAfter(acknowledgeDueAt) && acknowledgeEscalatedAt == null) {
            acknowledgeEscalatedAt = now;
            reasons.add(EscalationReason.OVERDUE_ACKNOWLEDGEMENT);
        }
        if (firstRespondedAt == null && now.isAfter(firstResponseDueAt) && firstResponseEscalatedAt == null) {
            firstResponseEscalatedAt = now;
            reasons.add(EscalationReason.OVERDUE_FIRST_RESPONSE);
        }
        if (now.isAfter(resolutionDueAt) && resolutionEscalatedAt == null) {
            resolutionEscalatedAt = now;
            reasons.add(EscalationReason.OVERDUE_RESOLUTION);
        }
        return reasons;
    }

    /** The due time an overdue escalation is about. */
    Instant dueAt(EscalationReason reason) {
        return switch (reason) {
            case OVERDUE_ACKNOWLEDGEMENT -> acknowledgeDueAt;
            case OVERDUE_FIRST_RESPONSE -> firstResponseDueAt;
            case OVERDUE_RESOLUTION -> resolutionDueAt;
            case CLASS_C -> null;
        };
    }

    /** Open and escalated to the leader for a missed due time. */
    public boolean overdueEscalated() {
        return status.open()
                && (acknowledgeEscalatedAt != null || firstResponseEscalatedAt != null || resolutionEscalatedAt != null);
    }

    public Subject history() {
        return Subject.of(HISTORY, id);
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot().put("reference", reference).put("status", status).put("kind", kind).put("channel", channel)
                .put("customerId", customerId).put("customerName", customerName).put("prospectName", prospectName)
                .put("department", department).put("class", feedbackClass).put("assignedDepartment", assignedDepartment)
                .put("explanation", explanation).put("leaderDecision", leaderDecision).put("resolution", resolution)
                .put("acknowledgeEscalatedAt", acknowledgeEscalatedAt).put("firstResponseEscalatedAt", firstResponseEscalatedAt)
                .put("resolutionEscalatedAt", resolutionEscalatedAt).put("seriousMarkedBy", seriousMarkedBy)
                .put("seriousReason", seriousReason).put("seriousAutomatic", seriousAutomatic)
                .put("outcomeChannel", outcomeChannel).put("outcomeNotifiedOn", outcomeNotifiedOn)
                .put("outcomeSummary", outcomeSummary);
    }
}
