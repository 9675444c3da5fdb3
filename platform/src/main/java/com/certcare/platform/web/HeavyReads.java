package com.certcare.platform.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Min;

import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.ProblemMappers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
 * stopped, a proxy that gave up) costs nothing more. It then runs in a transaction (joining the caller's, if any)
 * whose statements PostgreSQL stops after {@code statement-timeout} (503 query-timeout): a turn is not held
 * forever by one slow query, nor is a database connection by a read nobody waits for any more. Call it outside
 * any transaction: the read's database connection is then taken after the permit, and waiting holds none.
 */
@ApplicationScoped
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
         * PostgreSQL stops each statement of a heavy read after this long (a lock wait included); 0 for no limit.
         * With the wait, below the gateway's time limit for a service's answer (30 s), so the caller gets the
         * service's answer rather than the gateway's 504 while the query would still be running.
         */
        @WithDefault("20s")
        Duration statementTimeout();
    }

    /** What became of heavy reads so far: ran, refused (503), dropped because the caller had gone. */
    public record Counts(long ran, long refused, long abandoned) {
    }

    private final Config config;
    private final EntityManager em;
    private final CurrentVertxRequest request;
    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter ran;
    private final Counter refused;
    private final Counter abandoned;

    HeavyReads(Config config, EntityManager em, CurrentVertxRequest request, MeterRegistry meters) {
        this.config = config;
        this.em = em;
        this.request = request;
        this.permits = new Semaphore(config.concurrent(), true);
        this.ran = meters.counter("certcare.heavy.reads", "outcome", "ran");
        this.refused = meters.counter("certcare.heavy.reads", "outcome", "refused");
        this.abandoned = meters.counter("certcare.heavy.reads", "outcome", "abandoned");
    }

    /**
     * Runs {@code read} under a permit, in a transaction with the statement time limit (see the class); the caller
     * is the current HTTP request's.
     */
    public <T> T run(Supplier<T> read) {
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
            return QuarkusTransaction.joiningExisting().call(() -> {
                limitStatements();
                return read.get();
            });
        } finally {
            permits.release();
        }
    }

    /** The outcomes counted so far (also on /q/metrics as certcare_heavy_reads_total{outcome}). */
    public Counts counts() {
        return new Counts((long) ran.count(), (long) refused.count(), (long) abandoned.count());
    }

    private boolean acquire() {
        int queued = waiting.incrementAndGet(); // this one included
        try {
            if (queued > config.maxWaiting() && permits.availablePermits() == 0) {
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

    /** For the rest of the transaction only (set_config's is_local): the pooled connection keeps its default. */
    private void limitStatements() {
        em.createNativeQuery("select set_config('statement_timeout', ?1, true)")
                .setParameter(1, Long.toString(config.statementTimeout().toMillis()))
                .getSingleResult();
    }

    private boolean callerGone() {
        if (!Arc.container().requestContext().isActive()) {
            return false; // not an HTTP request's work
        }
        RoutingContext current = request.getCurrent();
        return current != null && current.response().closed();
    }
}
