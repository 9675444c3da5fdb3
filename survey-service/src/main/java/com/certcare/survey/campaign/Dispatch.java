package com.certcare.survey.campaign;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.certcare.platform.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One client asked in one campaign, with its one-time links ({@link SurveyLinks}) and its single answer. */
@Entity
@Table(name = "survey_dispatch")
public class Dispatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "campaign_id")
    public Long campaignId;
    @Column(name = "customer_id")
    public Long customerId;
    /** The client's province when it was asked (GB/T 2260). */
    @Column(name = "province_code")
    public String provinceCode;
    /** The scheme whose certificate made the client due. */
    public String scheme;
    /** The client's grade (A–D) when it was asked; null: not graded. */
    public String grade;
    /** The client's professional codes when it was asked. */
    @Column(name = "professional_codes")
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    public String[] professionalCodes = new String[0];
    @Column(name = "customer_name")
    public String customerName;
    public String email;
    @Enumerated(EnumType.STRING)
    public DispatchStatus status;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "last_mailed_at")
    public Instant lastMailedAt;
    @Column(name = "reminders_sent")
    public int remindersSent;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "answered_channel")
    public AnswerChannel answeredChannel;
    @Version
    public int version;

    public boolean isOpen() {
        return status == DispatchStatus.PENDING || status == DispatchStatus.SENT || status == DispatchStatus.FAILED;
    }

    /** The link has run out: expired by the job, or its time has passed. */
    public boolean linkExpired(Instant now) {
        return status == DispatchStatus.EXPIRED || (isOpen() && !now.isBefore(expiresAt));
    }

    /** An invitation or a reminder left. */
    public void mailed(boolean reminder, Instant now) {
        if (!isOpen()) {
            throw ProblemException.forbiddenTransition(status, DispatchStatus.SENT);
        }
        status = DispatchStatus.SENT;
        failureReason = null;
        if (sentAt == null) {
            sentAt = now;
        }
        lastMailedAt = now;
        if (reminder) {
            remindersSent++;
        }
    }

    /** No mail could be sent; the reason is kept for market to phone or fax instead. */
    public void failed(String reason) {
        if (!isOpen()) {
            throw ProblemException.forbiddenTransition(status, DispatchStatus.FAILED);
        }
        status = DispatchStatus.FAILED;
        failureReason = reason == null ? null : reason.substring(0, Math.min(500, reason.length()));
    }

    /** The one answer came in. A second one is a 409; an online answer through an expired link a 410. */
    public void answered(AnswerChannel channel, Instant now) {
        if (status == DispatchStatus.ANSWERED) {
            throw new ProblemException(409, "survey-already-answered");
        }
        if (channel == AnswerChannel.ONLINE && linkExpired(now)) {
            throw new ProblemException(410, "survey-link-expired");
        }
        status = DispatchStatus.ANSWERED;
        answeredAt = now;
        answeredChannel = channel;
    }

    public void expire() {
        if (!isOpen()) {
            throw ProblemException.forbiddenTransition(status, DispatchStatus.EXPIRED);
        }
        status = DispatchStatus.EXPIRED;
    }

    /** Why a reminder cannot go now (a problem code), or null when it can. */
    public String whyNoReminder(int maxReminders, Instant now) {
        if (status == DispatchStatus.ANSWERED) {
            return "survey-already-answered";
        }
        if (linkExpired(now)) {
            return "survey-link-expired";
        }
        if (status != DispatchStatus.SENT) {
            return "survey-not-invited";
        }
        if (remindersSent >= maxReminders) {
            return "survey-reminders-exhausted";
        }
        return null;
    }
}
