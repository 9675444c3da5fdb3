package com.certcare.customer.grading;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import com.certcare.customer.certification.CertificationStatus;
import com.certcare.customer.customer.Customer;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Customers' grades (分等分级, procedure 4.2.3): on-site feedback recorded here, serious complaints taken from
 * feedback-service, overdue surveillance read from the certification records. The grade is computed again whenever an
 * input changes (and on demand), stored with its inputs; market may override it with a reason. Each change of the
 * grade in force is kept in {@code client_grade_change}; the grade in force is also on the customer row
 * ({@code client.grade}) for the list, its filter and the export.
 */
@ApplicationScoped
public class Grading {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String FEEDBACK_COLUMNS = "id, client_id, certification_id, audited_on, audit_type,"
            + " management_commitment, documentation, implementation, corrective_action, major_nonconformities,"
            + " minor_nonconformities, remarks, recorded_by, recorded_at";

    private final EntityManager em;
    private final GradingRules rules;
    private final ObjectMapper json;
    private final Clock clock;
    private final com.certcare.customer.customer.CustomerService customers;

    Grading(EntityManager em, GradingRules rules, ObjectMapper json, Clock clock,
            com.certcare.customer.customer.CustomerService customers) {
        this.customers = customers;
        this.em = em;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
    }

    /** A serious complaint about a customer, as feedback-service reports it. */
    public record SeriousComplaint(long customerId, String feedbackItemId, String reference, String kind,
            boolean automatic, Instant recordedAt) {
    }

    // ---------------------------------------------------------------- on-site feedback

    /** Records the audit team's on-site feedback and grades the customer again. */
    @Transactional
    public OnsiteFeedbackView record(long customerId, OnsiteFeedbackInput input, String actor) {
        Violations v = new Violations();
        v.check(input != null, "body", "required");
        if (input != null) {
            v.check(input.auditedOn() != null, "auditedOn", "required");
            if (input.auditedOn() != null) {
                v.check(!input.auditedOn().isAfter(LocalDate.now(clock.withZone(ZONE))), "auditedOn", "invalid-value");
            }
            v.check(input.auditType() != null, "auditType", "required");
            score(v, input.managementCommitment(), "managementCommitment");
            score(v, input.documentation(), "documentation");
            score(v, input.implementation(), "implementation");
            score(v, input.correctiveAction(), "correctiveAction");
            count(v, input.majorNonconformities(), "majorNonconformities");
            count(v, input.minorNonconformities(), "minorNonconformities");
            v.text(input.remarks(), false, OnsiteFeedbackInput.REMARKS_MAX, "remarks");
        }
        v.throwIfAny();
        exists(customerId);
        if (input.certificationId() != null) {
            List<?> owner = em.createNativeQuery("select client_id from certification where id = :id")
                    .setParameter("id", input.certificationId()).getResultList();
            if (owner.isEmpty() || ((Number) owner.get(0)).longValue() != customerId) {
                throw ProblemException.invalid("certificationId", "not-of-customer");
            }
        }
        long id = ((Number) em.createNativeQuery("select nextval('onsite_feedback_seq')").getSingleResult()).longValue();
        Instant now = clock.instant();
        String remarks = input.remarks() == null || input.remarks().isBlank() ? null : input.remarks().strip();
        em.createNativeQuery("insert into onsite_feedback (" + FEEDBACK_COLUMNS + ") values (:id, :client, :cert, :on,"
                + " :type, :mc, :doc, :impl, :ca, :major, :minor, :remarks, :by, :at)")
                .setParameter("id", id).setParameter("client", customerId)
                .setParameter("cert", typed(StandardBasicTypes.LONG, input.certificationId()))
                .setParameter("on", input.auditedOn()).setParameter("type", input.auditType().name())
                .setParameter("mc", input.managementCommitment()).setParameter("doc", input.documentation())
                .setParameter("impl", input.implementation()).setParameter("ca", input.correctiveAction())
                .setParameter("major", input.majorNonconformities()).setParameter("minor", input.minorNonconformities())
                .setParameter("remarks", typed(StandardBasicTypes.STRING, remarks)).setParameter("by", actor).setParameter("at", Timestamp.from(now))
                .executeUpdate();
        recompute(customerId, actor);
        return new OnsiteFeedbackView(id, customerId, input.certificationId(), input.auditedOn(), input.auditType(),
                input.managementCommitment(), input.documentation(), input.implementation(), input.correctiveAction(),
                input.majorNonconformities(), input.minorNonconformities(), remarks, actor, now);
    }

    /** The customer's on-site feedback, newest audit first. */
    @Transactional
    public List<OnsiteFeedbackView> feedback(long customerId) {
        exists(customerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + FEEDBACK_COLUMNS + " from onsite_feedback"
                + " where client_id = :id order by audited_on desc, id desc").setParameter("id", customerId).getResultList();
        return rows.stream().map(r -> new OnsiteFeedbackView(num(r[0]), num(r[1]),
                r[2] == null ? null : num(r[2]), date(r[3]), AuditType.valueOf((String) r[4]), (int) num(r[5]),
                (int) num(r[6]), (int) num(r[7]), (int) num(r[8]), (int) num(r[9]), (int) num(r[10]), (String) r[11],
                (String) r[12], instant(r[13]))).toList();
    }

    // ---------------------------------------------------------------- serious complaints

    /**
     * Stores a serious complaint about the customer, once per feedback item, and grades the customer again; false if
     * the item was stored already. An unknown customer is a 404 problem.
     */
    @Transactional
    public boolean complaint(SeriousComplaint c, String actor) {
        exists(c.customerId());
        int inserted = em.createNativeQuery("insert into client_serious_complaint (feedback_item_id, client_id, reference,"
                + " kind, automatic, recorded_at, stored_at) values (:item, :client, :ref, :kind, :auto, :at, :now)"
                + " on conflict (feedback_item_id) do nothing")
                .setParameter("item", c.feedbackItemId()).setParameter("client", c.customerId())
                .setParameter("ref", c.reference()).setParameter("kind", typed(StandardBasicTypes.STRING, c.kind())).setParameter("auto", c.automatic())
                .setParameter("at", Timestamp.from(c.recordedAt())).setParameter("now", Timestamp.from(clock.instant()))
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        recompute(c.customerId(), actor);
        return true;
    }

    // ---------------------------------------------------------------- the grade

    /**
     * A certificate's status changed (by a user, or by the daily surveillance rules when its surveillance is overdue):
     * a graded customer's grade is computed again in the same transaction, so an overdue surveillance counts from the
     * day it suspends the certificate, not from the next feedback.
     */
    void onCertificationChanged(@jakarta.enterprise.event.Observes com.certcare.customer.certification.CertificationChanged change) {
        if (change.from() == change.record().status) {
            return;
        }
        long customerId = change.record().customerId;
        Number graded = (Number) em.createNativeQuery("select count(*) from client_grade where client_id = :id")
                .setParameter("id", customerId).getSingleResult();
        if (graded.longValue() > 0) {
            recompute(customerId, com.certcare.customer.certification.SurveillanceRules.ACTOR);
        }
    }

    /** Computes the customer's grade from its inputs now, stores it with them and records a change of the grade in force. */
    @Transactional
    public GradeView recompute(long customerId, String actor) {
        exists(customerId);
        lock(customerId);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        Instant complaintsSince = today.minusMonths(rules.complaintMonths()).atStartOfDay(ZONE).toInstant();
        GradeInputs inputs = rules.grade(feedbackFacts(customerId), complaintFacts(customerId),
                overdueFacts(customerId, today), today, complaintsSince);
        Current before = current(customerId);
        String text = write(inputs);
        em.createNativeQuery("insert into client_grade (client_id, computed_grade, score, inputs, computed_at)"
                + " values (:id, :grade, :score, cast(:inputs as jsonb), :at) on conflict (client_id) do update set"
                + " computed_grade = excluded.computed_grade, score = excluded.score, inputs = excluded.inputs,"
                + " computed_at = excluded.computed_at")
                .setParameter("id", customerId).setParameter("grade", typed(StandardBasicTypes.STRING, name(inputs.grade())))
                .setParameter("score", typed(StandardBasicTypes.BIG_DECIMAL, inputs.score())).setParameter("inputs", text)
                .setParameter("at", Timestamp.from(clock.instant())).executeUpdate();
        Grade after = before.override() != null ? before.override() : inputs.grade();
        if (!Objects.equals(before.inForce(), after)) {
            change(customerId, before.inForce(), after, GradeChange.Source.COMPUTED, actor, null, text);
        }
        return view(customerId);
    }

    /** Market sets the grade by hand with a reason; the computed grade is still kept and shown beside it. */
    @Transactional
    public GradeView override(long customerId, GradeOverrideInput input, String actor) {
        Violations v = new Violations();
        v.check(input != null, "body", "required");
        if (input != null) {
            v.check(input.grade() != null, "grade", "required");
            v.text(input.reason(), true, GradeOverrideInput.REASON_MAX, "reason");
        }
        v.throwIfAny();
        exists(customerId);
        lock(customerId);
        Current before = current(customerId);
        if (!before.stored()) {
            recompute(customerId, actor);
            before = current(customerId);
        }
        String reason = input.reason().strip();
        em.createNativeQuery("update client_grade set override_grade = :grade, override_reason = :reason,"
                + " overridden_by = :by, overridden_at = :at where client_id = :id")
                .setParameter("grade", input.grade().name()).setParameter("reason", reason).setParameter("by", actor)
                .setParameter("at", Timestamp.from(clock.instant())).setParameter("id", customerId).executeUpdate();
        change(customerId, before.inForce(), input.grade(), GradeChange.Source.OVERRIDE, actor, reason, null);
        return view(customerId);
    }

    /** Back to the computed grade (nothing to do without an override). */
    @Transactional
    public GradeView removeOverride(long customerId, String actor) {
        exists(customerId);
        lock(customerId);
        Current before = current(customerId);
        if (before.override() != null) {
            em.createNativeQuery("update client_grade set override_grade = null, override_reason = null,"
                    + " overridden_by = null, overridden_at = null where client_id = :id")
                    .setParameter("id", customerId).executeUpdate();
            change(customerId, before.inForce(), before.computed(), GradeChange.Source.OVERRIDE_REMOVED, actor,
                    before.overrideReason(), null);
        }
        return view(customerId);
    }

    /** The grade in force, the computed one with its inputs, the override and the history (newest first). */
    @Transactional
    public GradeView view(long customerId) {
        exists(customerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select computed_grade, score, inputs::text, computed_at, override_grade,"
                + " override_reason, overridden_by, overridden_at from client_grade where client_id = :id")
                .setParameter("id", customerId).getResultList();
        List<GradeChange> history = history(customerId);
        if (rows.isEmpty()) {
            return new GradeView(customerId, null, null, null, null, null, null, null, history);
        }
        Object[] r = rows.get(0);
        Grade computed = grade(r[0]);
        Grade override = grade(r[4]);
        Grade inForce = override != null ? override : computed;
        return new GradeView(customerId, inForce, rules.label(inForce), computed, (BigDecimal) r[1], read((String) r[2]),
                instant(r[3]), override == null ? null : new GradeView.Override(override, (String) r[5], (String) r[6],
                        instant(r[7])), history);
    }

    private List<GradeChange> history(long customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, from_grade, to_grade, source, changed_by, reason,"
                + " inputs::text, changed_at from client_grade_change where client_id = :id order by changed_at desc, id desc")
                .setParameter("id", customerId).getResultList();
        return rows.stream().map(r -> new GradeChange(num(r[0]), grade(r[1]), grade(r[2]),
                GradeChange.Source.valueOf((String) r[3]), (String) r[4], (String) r[5],
                r[6] == null ? null : read((String) r[6]), instant(r[7]))).toList();
    }

    private record Current(boolean stored, Grade computed, Grade override, String overrideReason) {
        Grade inForce() {
            return override != null ? override : computed;
        }
    }

    private Current current(long customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select computed_grade, override_grade, override_reason"
                + " from client_grade where client_id = :id").setParameter("id", customerId).getResultList();
        if (rows.isEmpty()) {
            return new Current(false, null, null, null);
        }
        return new Current(true, grade(rows.get(0)[0]), grade(rows.get(0)[1]), (String) rows.get(0)[2]);
    }

    private void change(long customerId, Grade from, Grade to, GradeChange.Source source, String actor, String reason,
            String inputs) {
        long id = ((Number) em.createNativeQuery("select nextval('client_grade_change_seq')").getSingleResult()).longValue();
        em.createNativeQuery("insert into client_grade_change (id, client_id, from_grade, to_grade, source, changed_by,"
                + " reason, inputs, changed_at) values (:id, :client, :from, :to, :source, :by, :reason,"
                + " cast(:inputs as jsonb), :at)")
                .setParameter("id", id).setParameter("client", customerId).setParameter("from", typed(StandardBasicTypes.STRING, name(from)))
                .setParameter("to", typed(StandardBasicTypes.STRING, name(to))).setParameter("source", source.name()).setParameter("by", actor)
                .setParameter("reason", typed(StandardBasicTypes.STRING, reason))
                .setParameter("inputs", typed(StandardBasicTypes.STRING, inputs))
                .setParameter("at", Timestamp.from(clock.instant())).executeUpdate();
        // the grade in force on the customer row (list, filter, export); not a change of the customer's own data
        em.createNativeQuery("update client set grade = :grade where id = :id")
                .setParameter("grade", typed(StandardBasicTypes.STRING, name(to))).setParameter("id", customerId)
                .executeUpdate();
        if (!Objects.equals(from, to)) {
            customers.announceGrade(customerId, name(to)); // the survey's grade segment follows
        }
    }

    // ---------------------------------------------------------------- inputs

    private List<GradingRules.FeedbackFact> feedbackFacts(long customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, audited_on, audit_type, management_commitment,"
                + " documentation, implementation, corrective_action, major_nonconformities, minor_nonconformities"
                + " from onsite_feedback where client_id = :id order by audited_on desc, id desc")
                .setParameter("id", customerId).getResultList();
        return rows.stream().map(r -> new GradingRules.FeedbackFact(num(r[0]), date(r[1]), AuditType.valueOf((String) r[2]),
                (int) num(r[3]), (int) num(r[4]), (int) num(r[5]), (int) num(r[6]), (int) num(r[7]), (int) num(r[8])))
                .toList();
    }

    private List<GradingRules.ComplaintFact> complaintFacts(long customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select feedback_item_id, reference, recorded_at"
                + " from client_serious_complaint where client_id = :id order by recorded_at desc, feedback_item_id")
                .setParameter("id", customerId).getResultList();
        return rows.stream().map(r -> new GradingRules.ComplaintFact((String) r[0], (String) r[1], instant(r[2]))).toList();
    }

    /**
     * Live certifications with a planned surveillance before today that no surveillance audit covers: the n-th passed
     * planned date is covered when at least n surveillance audits are recorded. One per certification, the first
     * uncovered planned date.
     */
    private List<GradingRules.OverdueFact> overdueFacts(long customerId, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select x.id, x.scheme, x.certificate_no, x.d from ("
                + " select r.id, r.scheme, r.certificate_no, p.d, p.n,"
                + " (select count(*) from certification_audit a where a.certification_id = r.id"
                + " and a.kind = 'SURVEILLANCE') as held"
                + " from certification r cross join lateral (select d, row_number() over (order by d) as n"
                + " from unnest(r.planned_surveillance) d where d < :today) p"
                + " where r.client_id = :id and r.status in (" + CertificationStatus.LIVE_CERTIFICATE_SQL + ")) x"
                + " where x.n = x.held + 1 order by x.id")
                .setParameter("id", customerId).setParameter("today", today).getResultList();
        List<GradingRules.OverdueFact> facts = new ArrayList<>();
        for (Object[] r : rows) {
            facts.add(new GradingRules.OverdueFact(num(r[0]), (String) r[1], (String) r[2], date(r[3])));
        }
        return facts;
    }

    // ---------------------------------------------------------------- helpers

    private static Customer exists(long customerId) {
        Customer customer = Customer.findById(customerId);
        if (customer == null) {
            throw ProblemException.notFound("@entity.customer", customerId);
        }
        return customer;
    }

    /** One grading of a customer at a time (a feedback and a complaint arriving together). */
    private void lock(long customerId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('client_grade:' || :id, 0))")
                .setParameter("id", String.valueOf(customerId)).getSingleResult();
    }

    private static void score(Violations v, Integer value, String field) {
        if (v.check(value != null, field, "required")) {
            if (v.check(value >= 1, field, "min", 1)) {
                v.check(value <= 5, field, "max", 5);
            }
        }
    }

    private static void count(Violations v, Integer value, String field) {
        if (v.check(value != null, field, "required")) {
            if (v.check(value >= 0, field, "min", 0)) {
                v.check(value <= OnsiteFeedbackInput.NONCONFORMITIES_MAX, field, "max", OnsiteFeedbackInput.NONCONFORMITIES_MAX);
            }
        }
    }

    private String write(GradeInputs inputs) {
        try {
            return json.writeValueAsString(inputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write grade inputs: " + e.getMessage(), e);
        }
    }

    private GradeInputs read(String text) {
        try {
            return json.readValue(text, GradeInputs.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read grade inputs: " + e.getMessage(), e);
        }
    }

    private static <T> TypedParameterValue<T> typed(org.hibernate.type.BasicTypeReference<T> type, T value) {
        return new TypedParameterValue<>(type, value);
    }

    private static String name(Grade grade) {
        return grade == null ? null : grade.name();
    }

    private static Grade grade(Object value) {
        return value == null ? null : Grade.valueOf(value.toString());
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Timestamp t ? t.toInstant() : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
