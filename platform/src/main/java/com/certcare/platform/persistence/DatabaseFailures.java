package com.certcare.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * What a database failure means for the one who meets it: the REST layer answers a lock conflict with 409,
 * a consumer retries a transient failure before it gives a message up. One place, so both read PostgreSQL
 * the same way.
 */
public final class DatabaseFailures {

    /** 40P01 deadlock, 40001 serialisation failure, 55P03 lock not available, 23505 unique key taken meanwhile. */
    private static final Set<String> LOCK_CONFLICT_STATES = Set.of("40P01", "40001", "55P03", "23505");

    private DatabaseFailures() {
    }

    /**
     * A conflict with a concurrent writer (deadlock, serialisation failure, lock not available, or a unique
     * key a concurrent writer took between this one's check and its insert), in its SQL or Hibernate form.
     * Looks at this throwable only; callers walk the causes.
     */
    public static boolean isLockConflict(Throwable e) {
        if (e instanceof LockAcquisitionException || e instanceof org.hibernate.PessimisticLockException
                || e instanceof PessimisticLockException || e instanceof LockTimeoutException) {
            return true;
        }
        return e instanceof SQLException sql && sql.getSQLState() != null
                && LOCK_CONFLICT_STATES.contains(sql.getSQLState());
    }

    /** Agroal's words when no pooled connection came free within the acquisition timeout (a plain SQLException). */
    private static final List<String> POOL_EXHAUSTED = List.of("Sorry, acquisition timeout",
            "Acquisition timeout while waiting for new connection");

    /**
     * The database could not take the work now: no pooled connection came free within the acquisition timeout, or
     * PostgreSQL refused a connection (53300 too many connections). Nothing was done; the same work a little later
     * may succeed. (A statement timeout is not this: a query cut off by its time limit would be as slow again.)
     * Looks at this throwable only.
     */
    public static boolean isBusy(Throwable e) {
        if (!(e instanceof SQLException sql)) {
            return false;
        }
        if ("53300".equals(sql.getSQLState())) {
            return true;
        }
        String message = sql.getMessage();
        return sql.getSQLState() == null && message != null && POOL_EXHAUSTED.stream().anyMatch(message::startsWith);
    }

    /**
     * PostgreSQL stopped a statement at its time limit (57014, statement_timeout; also a cancel request), in its SQL
     * form. Looks at this throwable only. (HeavyReads answers its own 503 query-timeout; elsewhere, as an export's
     * 120 s, it is not "try again shortly".)
     */
    public static boolean isStatementTimeout(Throwable e) {
        return e instanceof SQLException sql && "57014".equals(sql.getSQLState());
    }

    /** Whether {@code failure} or any of its causes is one {@code kind} names (e.g. {@code DatabaseFailures::isBusy}). */
    public static boolean anyCause(Throwable failure, Predicate<Throwable> kind) {
        for (Throwable t : causes(failure)) {
            if (kind.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** The longest cause chain {@link #causes} walks. */
    static final int MAX_CAUSES = 64;

    /**
     * {@code failure} and its causes, outermost first, each once and at most {@value #MAX_CAUSES}: a chain can
     * loop (initCause refuses only a throwable as its own cause; A caused by B caused by A is allowed), and a walk
     * that follows getCause() until null would then never end - on a request's thread, in an exception mapper.
     */
    public static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /**
     * Whether trying the same work again, a little later, may succeed: a lock conflict, a row changed since it
     * was read, a lost or refused connection (class 08, 57P01–57P03 shutdown, 53300 too many connections), a
     * statement or lock timeout, no pooled connection free in time. Walks the cause chain.
     */
    public static boolean isTransient(Throwable failure) {
        return anyCause(failure, DatabaseFailures::isTransientOne);
    }

    private static boolean isTransientOne(Throwable t) {
        if (isLockConflict(t) || isBusy(t) || t instanceof OptimisticLockException || t instanceof StaleStateException
                || t instanceof JDBCConnectionException || t instanceof QueryTimeoutException
                || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("53300") || state.equals("57014");
        }
        return false;
    }
}
