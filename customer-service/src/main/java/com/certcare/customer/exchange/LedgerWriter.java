package com.certcare.customer.exchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import com.certcare.customer.certification.Certification;
import com.certcare.customer.certification.CertificationService;
import com.certcare.customer.certification.CertificationSummary;
import com.certcare.customer.customer.Customer;
import com.certcare.customer.customer.CustomerService;
import com.certcare.platform.persistence.AuditedEntity;
import com.certcare.platform.problem.ProblemException;

/**
 * Writes planned batches inside the committing import's transaction: one committing import at a time, row locks
 * that wait at most 10 s, and a row that someone changed since the plan read it ends the import with 409 and
 * nothing written — never an overwrite of that change.
 */
@ApplicationScoped
class LedgerWriter {

    /** pg_try_advisory_xact_lock key held by a committing import ("CCimport"). */
    private static final long IMPORT_LOCK = 0x4343_696d_706f_7274L;

    private final CustomerService customers;
    private final CertificationService certifications;
    private final CertificationSummary summary;
    private final EntityManager em;

    LedgerWriter(CustomerService customers, CertificationService certifications, CertificationSummary summary,
            EntityManager em) {
        this.customers = customers;
        this.certifications = certifications;
        this.summary = summary;
        this.em = em;
    }

    /**
     * Before the first batch: takes the import lock (409 with Retry-After if another import commits) and defers
     * flushes — checked in the plan, so from here on few lookups, and inserts go out in ordered batches.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void begin() {
        Object taken = em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, IMPORT_LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(taken)) {
            throw new ProblemException(409, "import-running").retryAfter(Duration.ofSeconds(10));
        }
        em.createNativeQuery("set local lock_timeout = '10s'").executeUpdate();
        em.unwrap(org.hibernate.Session.class).setHibernateFlushMode(org.hibernate.FlushMode.COMMIT);
    }

    /** Writes what a batch changes (skipped customers and unchanged data are not written); returns the records created. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Long> write(List<CustomerPlan> plans, String actor) {
        List<Long> created = new ArrayList<>();
        List<Long> withNewRecords = new ArrayList<>();
        for (CustomerPlan p : plans) {
            if (p.skipped || !p.changed() && p.certifications.stream().noneMatch(CertificationPlan::changed)) {
                continue;
            }
            Customer customer;
            if (p.existing == null) {
                customer = customers.apply(null, p.checked, actor, "import",
                        CertificationSummary.of(p.certifications.stream().map(c -> c.input().scheme()).toList(),
                                p.certifications.stream().map(CertificationPlan::status).toList()),
                        CertificationSummary.liveExpiry(p.certifications.stream().map(c -> c.input().expiresOn()).toList(),
                                p.certifications.stream().map(CertificationPlan::status).toList()));
            } else {
                customer = current(Customer.findById(p.existing.id), p.existing.version);
                if (p.changed()) {
                    customers.apply(customer, p.checked, actor, "import", List.of(), null);
                }
            }
            boolean newRecords = false;
            for (CertificationPlan c : p.certifications) {
                if (c.existing() == null) {
                    created.add(certifications.recordInBatch(customer.id, c.checked(), actor, "import").id);
                    newRecords = true;
                } else if (!c.changes().isEmpty()) {
                    Certification record = current(Certification.findById(c.existing().id), c.existing().version);
                    certifications.update(customer.id, record.id, c.input().withVersion(record.version), actor);
                }
            }
            if (p.existing != null && newRecords) {
                withNewRecords.add(customer.id);
            }
        }
        summary.refresh(withNewRecords); // flushes the batch too
        em.flush();
        return created;
    }

    /** After the last batch: a row changed meanwhile fails here (409), not in the commit after the import returns. */
    @Transactional(Transactional.TxType.MANDATORY)
    void end() {
        em.flush();
    }

    /**
     * The entity as loaded now, refused (409) if someone changed it since the plan read it: after a clear the
     * import would otherwise take the newer version and overwrite that change.
     */
    private static <T extends AuditedEntity> T current(T entity, int checkedVersion) {
        if (entity == null || entity.version != checkedVersion) {
            throw new OptimisticLockException("changed while the import ran");
        }
        return entity;
    }
}
