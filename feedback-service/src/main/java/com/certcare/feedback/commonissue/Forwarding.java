package com.certcare.feedback.commonissue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import com.certcare.platform.history.Audited;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.history.Subject;
import com.certcare.platform.persistence.AuditedEntity;
import com.certcare.platform.problem.ProblemException;

/**
 * A common issue forwarded to its recipients (departments, the management representative); OPEN until every
 * recipient has answered, then ANSWERED. An answer is given once per recipient.
 */
@Entity
@Table(name = "common_issue_forwarding")
public class Forwarding extends AuditedEntity implements Audited {

    public static final String HISTORY = "issue-forwarding";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "common_issue_forwarding_seq")
    @SequenceGenerator(name = "common_issue_forwarding_seq", sequenceName = "common_issue_forwarding_seq", allocationSize = 50)
    public Long id;

    @Column(updatable = false)
    public String topic;
    public String note;
    public int clients;
    public int items;
    @Column(name = "forwarded_by", updatable = false)
    public String forwardedBy;
    @Column(name = "forwarded_at", updatable = false)
    public Instant forwardedAt;
    @Column(name = "due_at")
    public Instant dueAt;
    /** When the last recipient answered; null while open. */
    @Column(name = "answered_at")
    public Instant answeredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "common_issue_recipient", joinColumns = @JoinColumn(name = "forwarding_id"))
    @org.hibernate.annotations.SQLOrder("department") // recipients in department order, as the views list them
    public List<Recipient> recipients = new ArrayList<>();

    /** One recipient and its answer (null until given). */
    @Embeddable
    public static class Recipient {
        public String department;
        public String answer;
        @Column(name = "answered_by")
        public String answeredBy;
        @Column(name = "answered_at")
        public Instant answeredAt;

        public Recipient() {
        }

        Recipient(String department) {
            this.department = department;
        }
    }

    public boolean open() {
        return answeredAt == null;
    }

    public boolean overdue(Instant now) {
        return open() && now.isAfter(dueAt);
    }

    public Recipient recipient(String department) {
        return recipients.stream().filter(r -> r.department.equals(department)).findFirst().orElse(null);
    }

    /** The recipient's answer; the forwarding is ANSWERED once every recipient has one. 409 if already answered. */
    void answer(Recipient r, String answer, String by, Instant now) {
        if (r.answeredAt != null) {
            throw new ProblemException(409, "already-answered", r.department);
        }
        r.answer = answer;
        r.answeredBy = by;
        r.answeredAt = now;
        if (recipients.stream().allMatch(x -> x.answeredAt != null)) {
            answeredAt = now;
        }
    }

    public Subject history() {
        return Subject.of(HISTORY, id);
    }

    @Override
    public Snapshot snapshot() {
        Snapshot s = new Snapshot().put("topic", topic).put("note", note).put("clients", clients).put("items", items)
                .put("recipients", recipients.stream().map(r -> r.department).toList()).put("dueAt", dueAt)
                .put("state", open() ? "OPEN" : "ANSWERED");
        for (Recipient r : recipients) {
            s.put("answer." + r.department, r.answer);
        }
        return s;
    }
}
