package com.certcare.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

/** How failures read: a busy database is transient (a consumer retries, REST answers 503), a fault is not. */
class DatabaseFailuresTest {

    /** Agroal's exception when no pooled connection came free, as Hibernate wraps it. */
    private static final SQLException POOL_EXHAUSTED = new SQLException("Sorry, acquisition timeout!");

    @Test
    void noPooledConnectionInTimeIsBusyAndTransient() {
        GenericJDBCException wrapped = new GenericJDBCException("Unable to acquire JDBC Connection", POOL_EXHAUSTED);
        assertTrue(DatabaseFailures.isBusy(POOL_EXHAUSTED));
        assertFalse(DatabaseFailures.isBusy(wrapped), "isBusy looks at the one throwable; callers walk the causes");
        assertTrue(DatabaseFailures.isTransient(new RuntimeException(wrapped)));
    }

    @Test
    void tooManyConnectionsIsBusyAStatementTimeoutIsNot() {
        assertTrue(DatabaseFailures.isBusy(new SQLException("sorry, too many clients already", "53300")));
        // a query cut off by its time limit (an export's 120 s) would be as slow again: not "try again shortly"
        SQLException timedOut = new SQLException("canceling statement due to statement timeout", "57014");
        assertFalse(DatabaseFailures.isBusy(timedOut));
        assertTrue(DatabaseFailures.isStatementTimeout(timedOut), "HeavyReads answers it 503 query-timeout; it is not database-busy");
        assertFalse(DatabaseFailures.isStatementTimeout(new RuntimeException(timedOut)), "callers walk the causes");
        assertTrue(DatabaseFailures.isTransient(timedOut), "a consumer still retries it, a bounded number of times");
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseFailures.isBusy(new SQLException("relation \"x\" does not exist", "42P01")));
        assertFalse(DatabaseFailures.isBusy(new SQLException("Sorry, acquisition timeout!", "42P01")));
        assertFalse(DatabaseFailures.isBusy(new IllegalStateException("Sorry, acquisition timeout!")));
        assertFalse(DatabaseFailures.isTransient(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseFailures.isStatementTimeout(new SQLException("syntax error", "42601")));
    }

    @Test
    void aCauseChainThatLoopsIsWalkedOnceAndEnds() {
        // initCause refuses only a throwable as its own cause: A caused by B caused by A is allowed
        RuntimeException a = new RuntimeException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        SQLException busy = new SQLException("sorry, too many clients already", "53300");
        RuntimeException outer = new RuntimeException("outer", a);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals(List.of(outer, a, b), DatabaseFailures.causes(outer));
            assertFalse(DatabaseFailures.isTransient(outer));
            assertFalse(DatabaseFailures.anyCause(outer, DatabaseFailures::isStatementTimeout));
            assertTrue(DatabaseFailures.anyCause(outer, t -> t == b));
        });
        // a transient failure inside a loop is still found
        RuntimeException c = new RuntimeException("c", busy);
        RuntimeException d = new RuntimeException("d", c);
        busy.initCause(d);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertTrue(DatabaseFailures.isTransient(new RuntimeException(d))));
    }

    @Test
    void theBoundIsSixtyFourCauses() {
        assertTrue(DatabaseFailures.isTransient(wrapped(63)), "the 64th throwable of the chain is looked at");
        assertFalse(DatabaseFailures.isTransient(wrapped(64)), "the 65th is not");
    }

    /** A busy database under {@code wrappers} plain wrappers. */
    private static Throwable wrapped(int wrappers) {
        Throwable t = new SQLException("sorry, too many clients already", "53300");
        for (int i = 0; i < wrappers; i++) {
            t = new RuntimeException("wrapper " + i, t);
        }
        return t;
    }

    @Test
    void aVeryDeepChainIsWalkedOnlySoFar() {
        Throwable deep = wrapped(200);
        List<Throwable> chain = DatabaseFailures.causes(deep);
        assertEquals(DatabaseFailures.MAX_CAUSES, chain.size());
        assertSame(deep, chain.get(0), "outermost first");
    }
}
