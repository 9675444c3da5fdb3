package com.certcare.platform.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Min;

import com.certcare.platform.persistence.DatabaseFailures;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.ProblemMappers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;

/**
 * Admission for heavy reads (a filtered list, a substring search, statistics: tens of milliseconds of database CPU
 * each). On a small machine 256 of them at once do not finish sooner than 4 at a time: they take turns on the same
 * cores, hold every pooled connection, and a cheap request (one customer by id) waits behind them. So a heavy read
 * first takes one of {@code concurrent} permits, waiting {@code wait-at-most} for it (then 503 database-busy with
 * Retry-After, nothing done); with {@code max-waiting} already waiting it is refused at once (a bound for a flood
 * of callers straight at the service, each waiting on a worker thread). Once it has a permit it runs
 * only if its caller is still connected: a caller that went away while it waited (a closed tab, a load generator
 * stopped, a proxy that gave up) costs nothing more. It then runs in a transaction of its own whose statements
 * PostgreSQL stops after {@code statement-timeout} each (503 query-timeout): a turn is not held forever by one slow
 * query, nor is a database connection by a read nobody waits for any more. Call it outside any transaction (inside
 * one it fails): the read's database connection is then taken after the permit, and waiting holds none.
 * <p>
 * Anonymous callers (the public directory) take turns in a lane of their own ({@code anonymous.*}: fewer turns,
 * fewer waiting), so a flood from the internet, each address within the gateway's rate limit, cannot make the staff's
 * lists wait, nor the staff the public's.
 */
@ApplicationScoped
@Startup // its settings are checked when the service starts, not at the first heavy read
public class HeavyReads {

    /** {@code certcare.heavy-reads.*}: about twice the database's cores; waits below the proxies' time limits. */
    @ConfigMapping(prefix = "certcare.heavy-reads")
    public interface Config {
        @WithDefault("4")
        @Min(1)
        int concurrent();

        /**
         * Below the service's worker threads (quarkus.thread-pool.max-threads, 200 by default on a small machine), so
         * waiting reads leave some for the cheap requests: the default fits Quarkus's; a service that raises it raises
         * its threads too (customer-service: 256 and 320). Well above what arrives through the gateway (its pool to a
         * service is 32 connections): set low, a caller that does not wait for Retry-After (a load generator) gets
         * thousands of 503s a second (measured at 64: 5,800 a second at 256 connections).
         */
        @WithDefault("128")
        @Min(0)
        int maxWaiting();

        @WithDefault("5s")
        Duration waitAtMost();

        /**
         * PostgreSQL stops each statement of a heavy read after this long (a lock wait included); 0 for no limit,
         * negative refused at start. Per statement, not per read: with the wait, a read of two heavy statements
         * stays within the gateway's time limit for a service's answer (30 s), so its caller gets the service's
         * answer rather than the gateway's 504 while the query would still be running. The benches' heavy reads
         * take tens to hundreds of milliseconds (the feedback year summary: 250 ms for all its statements).
         */
        @WithDefault("10s")
        Duration statementTimeout();

        /** The anonymous callers' lane (runAnonymous); the wait and the statement limit are the same. */
        Anonymous anonymous();

        interface Anonymous {
            @WithDefault("2")
            @Min(1)
            int concurrent();

            /** Counted against the service's worker threads together with max-waiting. */
            @WithDefault("16")
            @Min(0)
            int maxWaiting();
        }
    }

    /** What became of heavy reads so far: ran, refused (503), dropped because the caller had gone. */
    public record Counts(long ran, long refused, long abandoned) {
    }

    private final Config config;
    private final long statementTimeoutMillis;
    private final EntityManager em;
    private final CurrentVertxRequest request;
    private final Lane staff;
    private final Lane anonymous;

    HeavyReads(Config config, EntityManager em, CurrentVertxRequest request, MeterRegistry meters) {
        if (config.statementTimeout().isNegative()) {
            throw new IllegalArgumentException("certcare.heavy-reads.statement-timeout must not be negative: "
                    + config.statementTimeout());
        }
        // PostgreSQL's unit is the millisecond: a limit below one is one, not 0 (which would mean none)
        this.statementTimeoutMillis = config.statementTimeout().isZero() ? 0
                : Math.max(1, config.statementTimeout().toMillis());
        this.config = config;
        this.em = em;
        this.request = request;
        this.staff = new Lane("staff", config.concurrent(), config.maxWaiting(), meters);
        this.anonymous = new Lane("anonymous", config.anonymous().concurrent(), config.anonymous().maxWaiting(), meters);
    }

    /**
     * Runs {@code read} under a permit of the staff's lane, in a transaction with the statement time limit (see the
     * class); the caller is the current HTTP request's.
     */
    public <T> T run(Supplier<T> read) {
        return staff.run(read);
    }

    /** As {@link #run(Supplier)}, in the anonymous callers' lane (a public, unauthenticated endpoint). */
    public <T> T runAnonymous(Supplier<T> read) {
        return anonymous.run(read);
    }

    /** The staff lane's outcomes so far (also on /q/metrics as certcare_heavy_reads_total{lane="staff",outcome}). */
    public Counts counts() {
        return staff.counts();
    }

    /** The anonymous lane's outcomes so far. */
    public Counts anonymousCounts() {
        return anonymous.counts();
    }

    /** Turns (a fair semaphore), the waiting bound and the outcome counters of one kind of caller. */
    private final class Lane {
        private final Semaphore permits;
        private final int maxWaiting;
        private final AtomicInteger waiting = new AtomicInteger();
        private final Counter ran;
        private final Counter refused;
        private final Counter abandoned;

        Lane(String name, int concurrent, int maxWaiting, MeterRegistry meters) {
            this.permits = new Semaphore(concurrent, true);
            this.maxWaiting = maxWaiting;
            this.ran = meters.counter("certcare.heavy.reads", "lane", name, "outcome", "ran");
            this.refused = meters.counter("certcare.heavy.reads", "lane", name, "outcome", "refused");
            this.abandoned = meters.counter("certcare.heavy.reads", "lane", name, "outcome", "abandoned");
        }

        <T> T run(Supplier<T> read) {
            if (!acquire()) {
                refused.increment();
                throw new ProblemException(503, "database-busy").retryAfter(ProblemMappers.DATABASE_BUSY_RETRY_AFTER);
            }
            try {
                if (callerGone()) {
                    abandoned.increment();
                    // answered like any write to a closed connection (ProblemMappers: 499): nobody reads it
                    throw new HttpClosedException("caller closed the connection while the read waited for its turn");
                }
                ran.increment();
                // its own transaction, never a caller's: the time limit ends with it
                return QuarkusTransaction.disallowingExisting().call(() -> {
                    limitStatements();
                    return read.get();
                });
            } catch (RuntimeException e) {
                // PostgreSQL stopped one of the read's statements at the limit (57014), in whatever wrapping
                throw DatabaseFailures.anyCause(e, DatabaseFailures::isStatementTimeout) ? new ProblemException(503, "query-timeout")
                        .retryAfter(ProblemMappers.DATABASE_BUSY_RETRY_AFTER) : e;
            } finally {
                permits.release();
            }
        }

        Counts counts() {
            return new Counts((long) ran.count(), (long) refused.count(), (long) abandoned.count());
        }

        private boolean acquire() {
            int queued = waiting.incrementAndGet(); // this one included
            try {
                if (queued > maxWaiting && permits.availablePermits() == 0) {
                    return false;
                }
                // with a timeout (even none left) a fair semaphore keeps the waiters' order
                return permits.tryAcquire(config.waitAtMost().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) { // the service stopping: nothing done, the caller may try again
                Thread.currentThread().interrupt();
                return false;
            } finally {
                waiting.decrementAndGet();
            }
        }
    }

    /** For the rest of the transaction only (set_config's is_local): the pooled connection keeps its default. */
    private void limitStatements() {
        if (statementTimeoutMillis > 0) {
            em.createNativeQuery("select set_config('statement_timeout', ?1, true)")
                    .setParameter(1, Long.toString(statementTimeoutMillis))
                    .getSingleResult();
        }
    }

    private boolean callerGone() {
        if (!Arc.container().requestContext().isActive()) {
            return false; // not an HTTP request's work
        }
        RoutingContext current = request.getCurrent();
        return current != null && current.response().closed();
    }
}
