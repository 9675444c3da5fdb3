package com.certcare.customer.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import com.certcare.platform.history.Audited;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.history.Subject;
import com.certcare.platform.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A change of its management system that a customer reported (ISO/IEC 17021-1 8.5.3: ownership, organisation,
 * address, scope, key personnel …), flagged on the customer until a market user acknowledges that it was evaluated.
 * Two states: open, then acknowledged (once; a second acknowledgement is refused). A part of the customer's
 * aggregate: its changes are listed in the customer's history as {@value #HISTORY}.
 */
@Entity
@Table(name = "client_system_change")
public class SystemChange extends PanacheEntityBase implements Audited {

    /** The entity name its changes carry in the customer's history. */
    public static final String HISTORY = "systemChange";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_system_change_seq")
    @SequenceGenerator(name = "client_system_change_seq", sequenceName = "client_system_change_seq", allocationSize = 50)
    public Long id;

    @Column(name = "client_id")
    public long customerId;

    /** The feedback item that reported the change (feedback-service's item id); one flag per item. */
    @Column(name = "feedback_item_id")
    public String feedbackItemId;

    /** The feedback item's reference, e.g. {@code FK-2026-00001}. */
    public String reference;

    /** When the customer reported it (the feedback item's receipt). */
    @Column(name = "reported_at")
    public Instant reportedAt;

    /** What is known of it: made only from what the event carries, never the customer's own words. */
    public String summary;

    @Column(name = "flagged_at")
    public Instant flaggedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledge_note")
    public String acknowledgeNote;

    public boolean isOpen() {
        return acknowledgedAt == null;
    }

    /** The market user confirms the change was evaluated; only once. */
    void acknowledge(String user, Instant at, String note) {
        if (!isOpen()) {
            throw new ProblemException(409, "system-change-acknowledged", reference, acknowledgedBy, acknowledgedAt);
        }
        acknowledgedBy = user;
        acknowledgedAt = at;
        acknowledgeNote = note;
    }

    /** Where its changes are kept: in its customer's history. */
    Subject history() {
        return Subject.of(Customer.HISTORY, customerId).part(HISTORY, id);
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot()
                .put("reference", reference)
                .put("reportedAt", reportedAt)
                .put("summary", summary)
                .put("acknowledgedBy", acknowledgedBy)
                .put("acknowledgedAt", acknowledgedAt)
                .put("acknowledgeNote", acknowledgeNote);
    }
}
