package com.certcare.customer.certification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.certcare.platform.problem.Messages;
import com.certcare.platform.time.ClockProducer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The surveillance rules' daily job (QMS rule effective 2026-01-01), as {@code system}, by the service's clock:
 * a live certificate past its expiry → EXPIRED; one suspended longer than {@code suspension-limit-days} → WITHDRAWN;
 * a VALID one whose planned surveillance audit is overdue (the planned date passed, plus {@code overdue-grace-days},
 * and fewer surveillance audits recorded since the decision than planned dates passed) → SUSPENDED. Each change is a
 * transition like a user's: its reason in the history, CertificationStatusChanged on the topic. One transaction per
 * record: a record that cannot change (someone changed it meanwhile) is left for the next run, the others go on.
 */
@ApplicationScoped
public class SurveillanceRules {

    public static final String ACTOR = "system";
    private static final Logger LOG = Logger.getLogger(SurveillanceRules.class);

    /** What one run changed. */
    public record Outcome(int expired, int withdrawn, int suspended) {
    }

    private final EntityManager em;
    private final CertificationService certifications;
    private final SurveillanceConfig config;
    private final Messages messages;
    private final Clock clock;

    SurveillanceRules(EntityManager em, CertificationService certifications, SurveillanceConfig config,
            Messages messages, Clock clock) {
        this.em = em;
        this.certifications = certifications;
        this.config = config;
        this.messages = messages;
        this.clock = clock;
    }

    @Scheduled(identity = "surveillance-rules", cron = "${certcare.surveillance.job-cron:0 30 1 * * ?}",
            timeZone = "Asia/Shanghai", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Outcome o = apply(LocalDate.now(clock));
        LOG.infof("Surveillance rules: %d expired, %d withdrawn, %d suspended", o.expired(), o.withdrawn(), o.suspended());
    }

    /** One run as of {@code today}. */
    public Outcome apply(LocalDate today) {
        int expired = 0;
        for (Long id : ids("select id from Certification where status in ?1 and expiresOn < ?2",
                CertificationStatus.LIVE_CERTIFICATE, today)) {
            if (change(id, c -> CertificationStatus.LIVE_CERTIFICATE.contains(c.status) && c.expiresOn != null
                    && c.expiresOn.isBefore(today), CertificationStatus.EXPIRED,
                    c -> text("rule.expired", c.expiresOn))) {
                expired++;
            }
        }
        Instant limit = today.minusDays(config.suspensionLimitDays()).atStartOfDay(ClockProducer.ZONE).toInstant();
        int withdrawn = 0;
        for (Long id : ids("select id from Certification where status = ?1 and coalesce(statusChangedAt, updatedAt) < ?2",
                CertificationStatus.SUSPENDED, limit)) {
            if (change(id, c -> c.status == CertificationStatus.SUSPENDED
                    && (c.statusChangedAt != null ? c.statusChangedAt : c.updatedAt).isBefore(limit),
                    CertificationStatus.WITHDRAWN, c -> text("rule.suspension-limit", config.suspensionLimitDays()))) {
                withdrawn++;
            }
        }
        LocalDate cut = today.minusDays(config.overdueGraceDays());
        @SuppressWarnings("unchecked")
        List<Number> overdue = em.createNativeQuery("select id from certification where status = 'VALID'"
                + " and exists (select 1 from unnest(planned_surveillance) d where d < ?1)").setParameter(1, cut)
                .getResultList();
        int suspended = 0;
        for (Number id : overdue) {
            if (change(id.longValue(), c -> c.status == CertificationStatus.VALID && missed(c, cut) != null,
                    CertificationStatus.SUSPENDED, c -> text("rule.surveillance-overdue", missed(c, cut)))) {
                suspended++;
            }
        }
        return new Outcome(expired, withdrawn, suspended);
    }

    /**
     * The first planned surveillance date before {@code cut} whose audit is missing: the n-th planned date is met by
     * the n-th surveillance audit recorded on or after the decision; null when none is missing.
     */
    static LocalDate missed(Certification c, LocalDate cut) {
        LocalDate since = c.decisionOn != null ? c.decisionOn : c.issuedOn;
        long done = c.auditDates.stream().filter(a -> a.kind() == AuditDate.Kind.SURVEILLANCE)
                .filter(a -> since == null || !a.on().isBefore(since)).count();
        List<LocalDate> planned = c.plannedSurveillance.stream().sorted().toList();
        for (int i = (int) done; i < planned.size(); i++) {
            if (planned.get(i).isBefore(cut)) {
                return planned.get(i);
            }
        }
        return null;
    }

    private List<Long> ids(String query, Object... params) {
        var q = em.createQuery(query, Long.class);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getResultList();
    }

    private boolean change(long id, java.util.function.Predicate<Certification> still, CertificationStatus to,
            java.util.function.Function<Certification, String> reason) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Certification c = Certification.findById(id);
                if (c == null || !still.test(c)) {
                    return false; // changed meanwhile
                }
                certifications.ruleTransition(c, to, reason.apply(c));
                return true;
            });
        } catch (RuntimeException e) {
            LOG.warnf("Surveillance rules: record %d not moved to %s (%s); the next run tries again", id, to, e.toString());
            return false;
        }
    }

    private String text(String key, Object... args) {
        return messages.get(Locale.SIMPLIFIED_CHINESE, key, args);
    }
}
