package com.certcare.customer.certification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.certcare.customer.customer.Customer;
import com.certcare.customer.customer.CustomerEvents;
import com.certcare.customer.customer.CustomerService;
import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.outbox.Outbox;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;

import io.quarkus.panache.common.Sort;

/** The rules for a customer's certification records: data, status transitions, the surveillance plan. */
@ApplicationScoped
public class CertificationService {

    private final CustomerService customers;
    private final CertificationRules rules;
    private final SurveillancePlanner planner;
    private final ChangeHistory history;
    private final Outbox outbox;
    private final CertificationSummary summary;
    private final Clock clock;

    private final com.certcare.customer.reference.RecordLimits limits;
    private final SurveillanceConfig surveillance;
    private final jakarta.enterprise.event.Event<CertificationChanged> changed;
    private final com.certcare.platform.problem.Messages messages;

    CertificationService(CustomerService customers, CertificationRules rules, SurveillancePlanner planner,
            ChangeHistory history, Outbox outbox, CertificationSummary summary, Clock clock,
            com.certcare.customer.reference.RecordLimits limits, SurveillanceConfig surveillance,
            jakarta.enterprise.event.Event<CertificationChanged> changed, com.certcare.platform.problem.Messages messages) {
        this.changed = changed;
        this.messages = messages;
        this.limits = limits;
        this.surveillance = surveillance;
        this.customers = customers;
        this.rules = rules;
        this.planner = planner;
        this.history = history;
        this.outbox = outbox;
        this.summary = summary;
        this.clock = clock;
    }

    public List<Certification> ofCustomer(long customerId) {
        customers.get(customerId);
        return Certification.list("customerId", Sort.by("scheme").and("id"), customerId);
    }

    public Certification get(long customerId, long id) {
        Certification c = Certification.findById(id);
        if (c == null || c.customerId != customerId) {
            throw ProblemException.notFound("@entity.certification", id);
        }
        return c;
    }

    @Transactional
    public Certification create(long customerId, CertificationInput input, String actor) {
        customers.get(customerId);
        CertificationStatus status = input.status() == null ? CertificationStatus.APPLYING : input.status();
        Violations v = new Violations();
        CheckedCertificationInput checked = rules.check(input, status, v, "");
        v.throwIfAny();
        return record(customerId, checked, actor, null);
    }

    /**
     * Creates a record in the status its input was checked for (the ContractSigned consumer's way in): 409 if the
     * customer has a live record of the scheme or the certificate number is live elsewhere.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Certification record(long customerId, CheckedCertificationInput checked, String actor, String reason) {
        CertificationInput input = checked.input();
        refuseSecondLiveRecord(customerId, input.scheme(), checked.status(), null);
        refuseTakenCertificateNumber(CertificationInput.normalizeNumber(input.certificateNo()), checked.status(), null);
        Certification c = insert(customerId, checked, actor, reason);
        summary.refresh(customerId);
        return c;
    }

    /**
     * Creates a record without a query of its own: the import's way in, which checks a batch's conflicts (a
     * second live record of a scheme, a live certificate number taken) against the file and with one query, and
     * then refreshes the customers' {@link CertificationSummary} in one go. A conflict that arises meanwhile is
     * refused by the database's unique indexes on exactly these two when the batch is written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Certification recordInBatch(long customerId, CheckedCertificationInput checked, String actor, String reason) {
        return insert(customerId, checked, actor, reason);
    }

    private Certification insert(long customerId, CheckedCertificationInput checked, String actor, String reason) {
        CertificationInput input = checked.input();
        CertificationStatus status = checked.status();
        Certification c = new Certification();
        c.customerId = customerId;
        c.status = status;
        c.apply(input, planner);
        c.created(actor, clock.instant());
        c.persist();
        history.record(c.history(), null, c.snapshot(), actor, reason);
        announce(c, null, reason);
        unionCodes(c, actor);
        return c;
    }

    /**
     * What {@code input} would change on {@code existing}, field by field as the history names them, leaving
     * out the planned surveillance dates (computed, not entered); nothing is changed. Any input, checked or not:
     * it only compares (the import asks before it checks, so that a record a row leaves as it is is not held to
     * newer rules).
     */
    public List<ChangeHistory.Change> changes(Certification existing, CertificationInput input) {
        Certification probe = new Certification();
        probe.status = existing.status;
        probe.surveillanceOverrideReason = existing.surveillanceOverrideReason;
        probe.plannedSurveillance = new java.util.ArrayList<>(existing.plannedSurveillance);
        probe.professionalCodes = new java.util.ArrayList<>(existing.professionalCodes);
        probe.apply(input, planner);
        return ChangeHistory.diff(existing.snapshot(), probe.snapshot()).stream()
                .filter(c -> !c.field().equals("plannedSurveillanceDates")).toList();
    }

    @Transactional
    public Certification update(long customerId, long id, CertificationInput input, String actor) {
        Certification c = get(customerId, id);
        Violations v = new Violations();
        v.check(input.version() != null, "version", "required");
        v.check(input.status() == null || input.status() == c.status, "status", "status-by-transition");
        rules.check(input, c.status, v, "");
        v.throwIfAny();
        refuseStale(c, input.version());
        // checked before the entity changes: a query would flush a half-checked change first
        refuseSecondLiveRecord(customerId, input.scheme(), c.status, c.id);
        refuseTakenCertificateNumber(CertificationInput.normalizeNumber(input.certificateNo()), c.status, c.id);
        Snapshot before = c.snapshot();
        java.util.Set<LocalDate> surveillanceBefore = CertificationChanged.surveillanceOf(c);
        c.apply(input, planner);
        List<String> fields = touch(c, before, actor, null);
        unionCodes(c, actor);
        if (!fields.isEmpty()) {
            changed.fire(new CertificationChanged(c, c.status, fields, surveillanceBefore, null));
        }
        summary.refresh(customerId);
        return c;
    }

    @Transactional
    public Certification transition(long customerId, long id, TransitionRequest request, String actor) {
        Certification c = get(customerId, id);
        Violations v = new Violations();
        v.check(request.to() != null, "to", "required");
        v.check(request.version() != null, "version", "required");
        v.text(request.reason(), false, 500, "reason");
        v.throwIfAny();
        refuseStale(c, request.version());
        return move(c, request.to(), request.reason(), actor);
    }

    /**
     * The surveillance rules' change of a record (the daily job, as {@code system}): the same checks, history and
     * event as a user's transition, in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Certification ruleTransition(Certification c, CertificationStatus to, String reason) {
        return move(c, to, reason, SurveillanceRules.ACTOR);
    }

    private Certification move(Certification c, CertificationStatus to, String reason, String actor) {
        long customerId = c.customerId;
        CertificationStatus from = c.status;
        if (!from.canBecome(to)) {
            throw ProblemException.forbiddenTransition(from, to);
        }
        if (to.needsCertificate()) {
            Violations missing = new Violations();
            missing.check(c.certificateNo != null, "certificateNo", "required-for-status", to);
            missing.check(c.issuedOn != null, "issuedOn", "required-for-status", to);
            missing.check(c.expiresOn != null, "expiresOn", "required-for-status", to);
            missing.throwIfAny();
        }
        refuseTakenCertificateNumber(c.certificateNo, to, c.id);
        refuseSecondLiveRecord(customerId, c.scheme, to, c.id);
        c.transitionTo(to, clock.instant());
        history.record(c.history(), Snapshot.of("status", from), Snapshot.of("status", c.status), actor, reason);
        c.touched(actor, clock.instant());
        announce(c, from, reason);
        changed.fire(new CertificationChanged(c, from, List.of("status"), java.util.Set.of(), reason));
        summary.refresh(customerId);
        return c;
    }

    @Transactional
    public Certification overrideSurveillance(long customerId, long id, SurveillanceOverride request, String actor) {
        Certification c = get(customerId, id);
        Violations v = new Violations();
        v.check(request.version() != null, "version", "required");
        v.text(request.reason(), true, 500, "reason");
        if (v.check(request.dates() != null && !request.dates().isEmpty(), "dates", "required")
                && v.check(request.dates().size() <= limits.auditDates(), "dates", "too-many", limits.auditDates())) {
            for (int i = 0; i < request.dates().size(); i++) {
                LocalDate d = request.dates().get(i);
                if (v.check(d != null, "dates[" + i + "]", "required") && c.expiresOn != null) {
                    v.check(d.isBefore(c.expiresOn), "dates[" + i + "]", "before-expiry");
                }
            }
        }
        v.throwIfAny();
        checkAgainstTheRule(c, request.dates(), v);
        v.throwIfAny();
        refuseStale(c, request.version());
        Snapshot before = c.snapshot();
        c.overrideSurveillance(request.dates(), request.reason());
        touch(c, before, actor, request.reason());
        return c;
    }

    /**
     * A manual plan against the surveillance rule (QMS, effective 2026-01-01): the first audit within
     * {@code first-within-months} of the decision, the next ones at most {@code interval-months} apart, at least
     * {@code min-per-cycle} inside the cycle. Each breach names the date (its place in the request) or {@code dates}.
     */
    private void checkAgainstTheRule(Certification c, List<LocalDate> dates, Violations v) {
        LocalDate base = c.decisionOn != null ? c.decisionOn : c.issuedOn;
        if (base == null) {
            return;
        }
        List<LocalDate> sorted = dates.stream().sorted().toList();
        LocalDate firstBy = base.plusMonths(surveillance.firstWithinMonths());
        v.check(!sorted.get(0).isAfter(firstBy), "dates[" + dates.indexOf(sorted.get(0)) + "]",
                "surveillance-first-late", surveillance.firstWithinMonths(), firstBy);
        for (int i = 1; i < sorted.size(); i++) {
            v.check(!sorted.get(i).isAfter(sorted.get(i - 1).plusMonths(surveillance.intervalMonths())),
                    "dates[" + dates.indexOf(sorted.get(i)) + "]", "surveillance-gap", surveillance.intervalMonths(),
                    sorted.get(i - 1));
        }
        LocalDate cycleEnd = base.plusMonths(surveillance.cycleMonths());
        long inCycle = sorted.stream().filter(d -> !d.isBefore(base) && d.isBefore(cycleEnd)).count();
        v.check(inCycle >= surveillance.minPerCycle(), "dates", "surveillance-too-few", surveillance.cycleMonths(),
                surveillance.minPerCycle());
    }

    @Transactional
    public Certification resetSurveillance(long customerId, long id, int version, String actor) {
        Certification c = get(customerId, id);
        refuseStale(c, version);
        Snapshot before = c.snapshot();
        c.resetSurveillance(planner);
        touch(c, before, actor, null);
        return c;
    }

    /** The record's professional codes join the customer's (the union its search and filters read). */
    private void unionCodes(Certification c, String actor) {
        customers.addProfessionalCodes(c.customerId, c.professionalCodes, actor,
                messages.get(com.certcare.platform.problem.Messages.DEFAULT_LOCALE, "reason.certification-codes",
                        c.scheme, c.id));
    }

    private List<String> touch(Certification c, Snapshot before, String actor, String reason) {
        List<String> fields = history.record(c.history(), before, c.snapshot(), actor, reason);
        if (!fields.isEmpty()) {
            c.touched(actor, clock.instant());
        }
        return fields;
    }

    private void announce(Certification c, CertificationStatus from, String reason) {
        outbox.publish(CustomerEvents.TOPIC, String.valueOf(c.customerId), CertificationEvents.STATUS_CHANGED,
                CertificationEvents.SCHEMA_VERSION, CertificationEvents.StatusChanged.of(c, from, reason));
    }

    private static void refuseStale(Certification c, int version) {
        if (c.version != version) {
            throw new ProblemException(409, "stale");
        }
    }

    /** One live record per customer and scheme (a final one may be followed by a new one). */
    private static void refuseSecondLiveRecord(long customerId, String scheme, CertificationStatus status, Long self) {
        if (CertificationStatus.FINAL.contains(status)) {
            return;
        }
        Certification other = Certification.find("customerId = ?1 and scheme = ?2 and status not in ?3 and id <> ?4",
                customerId, scheme, CertificationStatus.FINAL, self == null ? -1L : self).firstResult();
        if (other != null) {
            throw new ProblemException(409, "scheme-already-recorded", scheme, other.id);
        }
    }

    /** A certificate number is unique among live certificates. */
    private static void refuseTakenCertificateNumber(String certificateNo, CertificationStatus status, Long self) {
        if (certificateNo == null || !CertificationStatus.LIVE_CERTIFICATE.contains(status)) {
            return;
        }
        Certification other = Certification.find("certificateNo = ?1 and status in ?2 and id <> ?3", certificateNo,
                CertificationStatus.LIVE_CERTIFICATE, self == null ? -1L : self).firstResult();
        if (other != null) {
            throw new ProblemException(409, "certificate-number-taken", certificateNo, other.customerId);
        }
    }
}
