package com.certcare.customer.certification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.certcare.platform.problem.ProblemException;

import com.certcare.customer.customer.Customer;
import com.certcare.platform.history.Audited;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.history.Subject;
import com.certcare.platform.persistence.AuditedEntity;
import com.certcare.platform.text.Text;

/** A customer's certification under one scheme (QMS, EMS, …): contract, certificate, dates, fees, status. */
@Entity
@Table(name = "certification")
public class Certification extends AuditedEntity implements Audited {

    /** The entity name of a record in its customer's history. */
    public static final String HISTORY = "certification";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_seq")
    @SequenceGenerator(name = "certification_seq", sequenceName = "certification_seq", allocationSize = 50)
    public Long id;

    @Column(name = "client_id")
    public long customerId;

    public String scheme;

    @Column(name = "contract_no")
    public String contractNo;

    @Column(name = "certificate_no")
    public String certificateNo;

    public String scope;

    @Column(name = "scope_en")
    public String scopeEn;

    @Column(name = "application_accepted_on")
    public LocalDate applicationAcceptedOn;

    /** The certification decision; planned surveillance dates count from it. */
    @Column(name = "decision_on")
    public LocalDate decisionOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "certification_audit", joinColumns = @JoinColumn(name = "certification_id"))
    public Set<AuditDate> auditDates = new java.util.HashSet<>();

    @Column(name = "initial_audit_fee")
    public BigDecimal initialAuditFee;

    @Column(name = "surveillance_fee")
    public BigDecimal surveillanceFee;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "planned_surveillance", columnDefinition = "date[]")
    public List<LocalDate> plannedSurveillance = new ArrayList<>();

    /** Set when someone replaced the computed plan, with the reason; null while the plan is computed. */
    @Column(name = "surveillance_override_reason")
    public String surveillanceOverrideReason;

    @Column(name = "implemented_on")
    public LocalDate implementedOn;

    @Enumerated(EnumType.STRING)
    public CertificationStatus status;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    /**
     * Takes over the input (not the status: that changes only through {@link #transitionTo}). Writes take only what
     * {@link CertificationRules} checked; {@code CertificationService.changes} also applies unchecked input to a
     * probe to compare, so nothing here may fail on a missing or bad value.
     */
    void apply(CertificationInput input, SurveillancePlanner planner) {
        scheme = input.scheme();
        contractNo = CertificationInput.normalizeNumber(input.contractNo());
        certificateNo = CertificationInput.normalizeNumber(input.certificateNo());
        scope = Text.blankToNull(input.scope());
        scopeEn = Text.blankToNull(input.scopeEn());
        applicationAcceptedOn = input.applicationAcceptedOn();
        decisionOn = input.decisionOn();
        auditDates.clear();
        if (input.auditDates() != null) {
            auditDates.addAll(input.auditDates().toSet());
        }
        initialAuditFee = CertificationInput.money(input.initialAuditFee());
        surveillanceFee = CertificationInput.money(input.surveillanceFee());
        if (input.professionalCodes() != null) {
            professionalCodes = input.professionalCodes().stream().filter(java.util.Objects::nonNull).map(String::strip)
                    .distinct().sorted().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
        implementedOn = input.implementedOn();
        issuedOn = input.issuedOn();
        expiresOn = input.expiresOn();
        if (surveillanceOverrideReason == null) {
            plannedSurveillance = planner.plan(decisionOn != null ? decisionOn : issuedOn);
        }
    }

    /** Moves to {@code target} if the current status allows it; otherwise refuses with 409. */
    void transitionTo(CertificationStatus target, java.time.Instant at) {
        if (!status.canBecome(target)) {
            throw ProblemException.forbiddenTransition(status, target);
        }
        status = target;
        statusChangedAt = at;
    }

    /** 专业代码 of this certification (scheme and scope); the customer keeps their union. */
    @Column(name = "professional_codes", columnDefinition = "text[]")
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    public List<String> professionalCodes = new ArrayList<>();

    /** When the record took its present status by a transition (null: recorded with it). */
    @Column(name = "status_changed_at")
    public java.time.Instant statusChangedAt;

    /** Replaces the computed plan; the reason is required and kept. */
    void overrideSurveillance(List<LocalDate> dates, String reason) {
        plannedSurveillance = new ArrayList<>(new TreeSet<>(dates));
        surveillanceOverrideReason = reason.strip();
    }

    /** Back to the computed plan. */
    void resetSurveillance(SurveillancePlanner planner) {
        surveillanceOverrideReason = null;
        plannedSurveillance = planner.plan(decisionOn != null ? decisionOn : issuedOn);
    }

    List<AuditDate> sortedAuditDates() {
        return auditDates.stream()
                .sorted(Comparator.comparing(AuditDate::on).thenComparing(AuditDate::kind))
                .toList();
    }

    /** Where its changes are kept: in its customer's history. */
    public Subject history() {
        return Subject.of(Customer.HISTORY, customerId).part(HISTORY, id);
    }

    /** Field → value, as the history shows it; an audit date reads its kind and day ({@code STAGE1 2026-02-01}). */
    @Override
    public Snapshot snapshot() {
        return new Snapshot()
                .put("scheme", scheme)
                .put("contractNo", contractNo)
                .put("certificateNo", certificateNo)
                .put("scope", scope)
                .put("scopeEn", scopeEn)
                .put("applicationAcceptedOn", applicationAcceptedOn)
                .put("decisionOn", decisionOn)
                .put("auditDates", sortedAuditDates().stream().map(a -> a.kind() + " " + a.on()).toList())
                .put("initialAuditFee", initialAuditFee)
                .put("surveillanceFee", surveillanceFee)
                .put("plannedSurveillanceDates", plannedSurveillance)
                .put("implementedOn", implementedOn)
                .put("status", status)
                .put("issuedOn", issuedOn)
                .put("expiresOn", expiresOn)
                .put("professionalCodes", professionalCodes);
    }
}
