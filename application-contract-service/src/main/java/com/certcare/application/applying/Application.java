package com.certcare.application.applying;

import com.certcare.application.party.PartyEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.certcare.platform.history.Audited;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.history.Subject;
import com.certcare.platform.problem.ProblemException;

/**
 * A certification application (认证申请书, form 16-01): the organisation, what it wants certified, the review
 * checklist and the decision. The status changes only through the transition methods here, each checking the
 * current state ({@link ApplicationStatus#canBecome}).
 */
@Entity
@Table(name = "application")
public class Application extends PartyEntity implements Audited {

    /** The aggregate its changes are listed under in the change history. */
    public static final String HISTORY = "application";
    /** Who creates and acts for an application sent through the public form. */
    public static final String APPLICANT = "applicant";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_seq")
    @SequenceGenerator(name = "application_seq", sequenceName = "application_seq", allocationSize = 50)
    public Long id;

    @Column(updatable = false)
    public String reference;

    @Column(name = "secret_hash", updatable = false)
    String secretHash;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;


    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> schemes = new ArrayList<>();

    public String scope;
    @Column(name = "scope_en")
    public String scopeEn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Site> sites = new ArrayList<>();

    @Column(name = "head_count")
    public Integer headCount;
    public Integer shifts;
    @Column(name = "outsourced_processes")
    public String outsourcedProcesses;
    @Column(name = "existing_certifications")
    public String existingCertifications;
    @Column(name = "consultancy_used")
    public Boolean consultancyUsed;
    @Column(name = "consultancy_name")
    public String consultancyName;
    public String language;

    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_reasons")
    public String decisionReasons;

    @Column(name = "information_sufficient")
    public Boolean informationSufficient;
    @Column(name = "scope_within_accreditation")
    public Boolean scopeWithinAccreditation;
    @Column(name = "competence_available")
    public Boolean competenceAvailable;
    @Column(name = "sites_covered")
    public Boolean sitesCovered;
    @Column(name = "language_covered")
    public Boolean languageCovered;
    @Column(name = "safety_considered")
    public Boolean safetyConsidered;
    @Column(name = "impartiality_no_conflict")
    public Boolean impartialityNoConflict;
    @Column(name = "impartiality_note")
    public String impartialityNote;
    @Column(name = "audit_days")
    public BigDecimal auditDays;
    @Column(name = "review_notes")
    public String reviewNotes;

    @Column(name = "entered_on_behalf")
    public boolean enteredOnBehalf;

    /** Takes over checked input (the version is compared by the service, never set from input). */
    void apply(CheckedApplicationInput checked) {
        ApplicationInput in = checked.input;
        name = checked.name;
        creditCode = checked.creditCode;
        legalRepresentative = checked.text(in.legalRepresentative());
        address = checked.text(in.address());
        provinceCode = checked.text(in.provinceCode());
        city = checked.text(in.city());
        postalCode = checked.text(in.postalCode());
        contactName = checked.text(in.contactName());
        contactPhone = checked.text(in.contactPhone());
        contactEmail = checked.text(in.contactEmail());
        schemes = new ArrayList<>(checked.schemes);
        scope = checked.text(in.scope());
        scopeEn = checked.text(in.scopeEn());
        sites = new ArrayList<>(checked.sites);
        headCount = in.headCount();
        shifts = in.shifts();
        outsourcedProcesses = checked.text(in.outsourcedProcesses());
        existingCertifications = checked.text(in.existingCertifications());
        consultancyUsed = in.consultancyUsed();
        consultancyName = Boolean.TRUE.equals(consultancyUsed) ? checked.text(in.consultancyName()) : null;
        language = checked.text(in.language());
    }

    void apply(CheckedReview review) {
        ReviewInput in = review.input;
        informationSufficient = in.informationSufficient();
        scopeWithinAccreditation = in.scopeWithinAccreditation();
        competenceAvailable = in.competenceAvailable();
        sitesCovered = in.sitesCovered();
        languageCovered = in.languageCovered();
        safetyConsidered = in.safetyConsidered();
        impartialityNoConflict = in.impartialityNoConflict();
        impartialityNote = review.impartialityNote;
        auditDays = review.auditDays;
        reviewNotes = review.notes;
    }

    /** The checklist items not answered "yes", by name (empty: the review allows acceptance). */
    List<String> checklistNotYes() {
        List<String> open = new ArrayList<>();
        addUnlessYes(open, "informationSufficient", informationSufficient);
        addUnlessYes(open, "scopeWithinAccreditation", scopeWithinAccreditation);
        addUnlessYes(open, "competenceAvailable", competenceAvailable);
        addUnlessYes(open, "sitesCovered", sitesCovered);
        addUnlessYes(open, "languageCovered", languageCovered);
        addUnlessYes(open, "safetyConsidered", safetyConsidered);
        addUnlessYes(open, "impartialityNoConflict", impartialityNoConflict);
        if (auditDays == null) {
            open.add("auditDays");
        }
        return open;
    }

    private static void addUnlessYes(List<String> open, String item, Boolean answer) {
        if (!Boolean.TRUE.equals(answer)) {
            open.add(item);
        }
    }

    // ---- transitions: one method each; a forbidden one throws and changes nothing ----

    void submit(Instant now) {
        moveTo(ApplicationStatus.SUBMITTED);
        submittedAt = now;
    }

    void startReview() {
        moveTo(ApplicationStatus.UNDER_REVIEW);
    }

    void requestInfo() {
        moveTo(ApplicationStatus.NEEDS_INFO);
    }

    void answered() {
        if (status != ApplicationStatus.NEEDS_INFO) {
            throw ProblemException.forbiddenTransition(status, ApplicationStatus.UNDER_REVIEW);
        }
        moveTo(ApplicationStatus.UNDER_REVIEW);
    }

    void accept(String reasons, Instant now) {
        moveTo(ApplicationStatus.ACCEPTED);
        decisionReasons = reasons;
        decidedAt = now;
    }

    void reject(String reasons, Instant now) {
        moveTo(ApplicationStatus.REJECTED);
        decisionReasons = reasons;
        decidedAt = now;
    }

    void withdraw(Instant now) {
        moveTo(ApplicationStatus.WITHDRAWN);
        decidedAt = now;
    }

    /** Throws 409 (from, to) unless the current status may become {@code target}. */
    static void checkTransition(ApplicationStatus from, ApplicationStatus target) {
        if (from == null || !from.canBecome(target)) {
            throw ProblemException.forbiddenTransition(from, target);
        }
    }

    private void moveTo(ApplicationStatus target) {
        checkTransition(status, target);
        status = target;
    }

    public Subject history() {
        return Subject.of(HISTORY, id);
    }

    @Override
    public Snapshot snapshot() {
        return putParty(new Snapshot()
                .put("reference", reference)
                .put("status", status))
                .put("schemes", schemes)
                .put("scope", scope)
                .put("scopeEn", scopeEn)
                .put("sites", sites == null ? null : sites.stream().map(Site::toString).toList())
                .put("headCount", headCount)
                .put("shifts", shifts)
                .put("outsourcedProcesses", outsourcedProcesses)
                .put("existingCertifications", existingCertifications)
                .put("consultancyUsed", consultancyUsed)
                .put("consultancyName", consultancyName)
                .put("language", language)
                .put("submittedAt", submittedAt)
                .put("decidedAt", decidedAt)
                .put("decisionReasons", decisionReasons)
                .put("informationSufficient", informationSufficient)
                .put("scopeWithinAccreditation", scopeWithinAccreditation)
                .put("competenceAvailable", competenceAvailable)
                .put("sitesCovered", sitesCovered)
                .put("languageCovered", languageCovered)
                .put("safetyConsidered", safetyConsidered)
                .put("impartialityNoConflict", impartialityNoConflict)
                .put("impartialityNote", impartialityNote)
                .put("auditDays", auditDays)
                .put("reviewNotes", reviewNotes)
                .put("enteredOnBehalf", enteredOnBehalf);
    }
}
