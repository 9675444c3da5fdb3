package com.certcare.survey.campaign;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A mail to send (an outbox for e-mail): written in the transaction that decided it, sent after that committed by
 * the mail job, which claims it (SENDING, its link committed), sends it outside any transaction and records the
 * outcome here and on the dispatch. Its {@code claimed_at} column is the job's SQL's alone (the database's clock).
 */
@Entity
@Table(name = "survey_mail")
public class SurveyMail extends PanacheEntityBase {

    public enum Kind {
        INVITATION, REMINDER
    }

    public enum Status {
        PENDING, SENDING, SENT, FAILED, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "dispatch_id")
    public Long dispatchId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    public String error;
    /** Times claimed for sending (MailJob; a claim a crash leaves behind counts). */
    public int attempts;

    /** Fired when the transaction that queued mail committed: the mail job sends at once. */
    public record Queued() {
    }

    static SurveyMail queue(Dispatch d, Kind kind, Instant now) {
        SurveyMail m = new SurveyMail();
        m.dispatchId = d.id;
        m.kind = kind;
        m.status = Status.PENDING;
        m.createdAt = now;
        m.persist();
        return m;
    }

    public static boolean pendingFor(long dispatchId) {
        return count("dispatchId = ?1 and status in ?2", dispatchId, List.of(Status.PENDING, Status.SENDING)) > 0;
    }
}
