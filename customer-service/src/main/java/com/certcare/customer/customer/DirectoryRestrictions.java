package com.certcare.customer.customer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.certcare.platform.history.ChangeHistory;
import com.certcare.platform.history.Snapshot;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;

/**
 * Customers left out of the public directory (17021-1 8.1.2), in their own table: restricting is not an edit of the
 * customer (an open customer form stays current). Each change is in the customer's history with who and why.
 */
@ApplicationScoped
public class DirectoryRestrictions {

    static final String FIELD = "directoryRestriction";

    private final EntityManager em;
    private final ChangeHistory history;
    private final Clock clock;

    DirectoryRestrictions(EntityManager em, ChangeHistory history, Clock clock) {
        this.em = em;
        this.history = history;
        this.clock = clock;
    }

    @Transactional
    public DirectoryRestriction of(long customerId) {
        exists(customerId);
        return find(customerId);
    }

    /** Leaves the customer out with {@code reason}; a new reason replaces the old one (both in the history). */
    @Transactional
    public DirectoryRestriction restrict(long customerId, DirectoryRestrictionInput input, String actor) {
        Violations v = new Violations();
        v.check(input != null, "reason", "required");
        if (input != null) {
            v.text(input.reason(), true, DirectoryRestrictionInput.REASON_MAX, "reason");
        }
        v.throwIfAny();
        Customer customer = exists(customerId);
        DirectoryRestriction before = find(customerId);
        String reason = input.reason().strip();
        if (before.restricted() && reason.equals(before.reason())) {
            return before;
        }
        Instant now = clock.instant();
        em.createNativeQuery("insert into client_directory_restriction (client_id, reason, restricted_by, restricted_at)"
                + " values (:id, :reason, :by, :at) on conflict (client_id) do update set reason = excluded.reason,"
                + " restricted_by = excluded.restricted_by, restricted_at = excluded.restricted_at")
                .setParameter("id", customerId).setParameter("reason", reason).setParameter("by", actor)
                .setParameter("at", Timestamp.from(now)).executeUpdate();
        history.record(customer.history(), Snapshot.of(FIELD, before.reason()), Snapshot.of(FIELD, reason), actor, null);
        return new DirectoryRestriction(true, reason, actor, now);
    }

    /** Lists the customer in the directory again (nothing to do if it was listed). */
    @Transactional
    public DirectoryRestriction lift(long customerId, String actor) {
        Customer customer = exists(customerId);
        DirectoryRestriction before = find(customerId);
        if (before.restricted()) {
            em.createNativeQuery("delete from client_directory_restriction where client_id = :id")
                    .setParameter("id", customerId).executeUpdate();
            history.record(customer.history(), Snapshot.of(FIELD, before.reason()), Snapshot.of(FIELD, null), actor, null);
        }
        return DirectoryRestriction.NONE;
    }

    private static Customer exists(long customerId) {
        Customer customer = Customer.findById(customerId);
        if (customer == null) {
            throw ProblemException.notFound("@entity.customer", customerId);
        }
        return customer;
    }

    private DirectoryRestriction find(long customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select reason, restricted_by, restricted_at"
                + " from client_directory_restriction where client_id = :id").setParameter("id", customerId).getResultList();
        if (rows.isEmpty()) {
            return DirectoryRestriction.NONE;
        }
        Object[] r = rows.get(0);
        Object at = r[2];
        Instant when = at instanceof Timestamp t ? t.toInstant() : at instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) at;
        return new DirectoryRestriction(true, (String) r[0], (String) r[1], when);
    }
}
