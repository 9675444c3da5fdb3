package com.certcare.survey.report;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.certcare.platform.persistence.AuditedEntity;
import com.certcare.platform.problem.ProblemException;

/**
 * The written report of a quarter: market's conclusions, DRAFT until issued. Made by the first save. The API's version
 * is the row's optimistic-lock version + 1, so the "never saved" report it offers (version 0) cannot be saved over a
 * first save made meanwhile. Issuing freezes the figures the documents show ({@code figures}, JSON).
 */
@Entity
@Table(name = "survey_quarter_report")
public class QuarterlyReport extends AuditedEntity {

    @Id
    public String quarter;
    public String conclusions;
    @Enumerated(EnumType.STRING)
    public ReportStatus status;
    /** The figures at issue ({@link ReportFigures} as JSON); null while DRAFT. */
    public String figures;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "issued_at")
    public Instant issuedAt;

    static QuarterlyReport draft(String quarter, String conclusions, String actor, Instant now) {
        QuarterlyReport r = new QuarterlyReport();
        r.quarter = quarter;
        r.conclusions = conclusions;
        r.status = ReportStatus.DRAFT;
        r.created(actor, now);
        return r;
    }

    /** New conclusions; only a DRAFT changes. */
    void edit(String conclusions, String actor, Instant now) {
        refuseIssued();
        this.conclusions = conclusions;
        touched(actor, now);
    }

    /** DRAFT → ISSUED, with the figures as they are now. */
    void issue(String figures, String actor, Instant now) {
        refuseIssued();
        this.status = ReportStatus.ISSUED;
        this.figures = figures;
        this.issuedBy = actor;
        this.issuedAt = now;
        touched(actor, now);
    }

    /** The version the API shows and expects back: 0 is "never saved". */
    int apiVersion() {
        return version + 1;
    }

    private void refuseIssued() {
        if (status == ReportStatus.ISSUED) {
            throw new ProblemException(409, "report-issued", quarter);
        }
    }
}
