package com.certcare.platform.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Min;

import com.certcare.platform.persistence.DatabaseFailures;
import com.certcare.platform.problem.ProblemException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;

/**
 * Admission for heavy reads (a filtered list, a substring search, statistics: tens of milliseconds of database CPU
 * each). On a small machine 256 of them at once do not finish sooner than 4 at a time: they take turns on the same
 * cores, hold every pooled connection, and a cheap request (one customer by id) waits behind them. So a heavy read
 * first takes one of {@code concurrent} turns, waiting {@code wait-at-most} for it (then 503 database-busy with
 * Retry-After, nothing done); with {@code max-waiting} already waiting it is refused at once (a bound for a flood
 * of callers straight at the service). It waits on its worker thread ({@link #run}) or, from a resource method that
 * returns a {@link Uni}, without one ({@link #submit}). Once it has a turn it runs
 * only if its caller is still connected: a caller that went away while it waited (a closed tab, a load generator
 * stopped, a proxy that gave up) costs nothing more. It then runs in a transaction of its own whose statements
 * PostgreSQL stops after {@code statement-timeout} each (503 query-timeout): a turn is not held forever by one slow
 * query, nor is a database connection by a read nobody waits for any more. Call it outside any transaction (inside
 * one it fails): the read's database connection is then taken after the turn, and waiting holds none.
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
         * With {@link HeavyReads#run}, each waiting read holds a worker thread: below the service's worker threads
         * (quarkus.thread-pool.max-threads, 200 by default on a small machine), so waiting reads leave some for the
         * cheap requests; the default fits Quarkus's. With {@link HeavyReads#submit} waiting holds none (customer-service: 256).
         * Well above what arrives through the gateway (its pool to a
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

        /** The anonymous callers' lane (runAnonymous, submitAnonymous); the wait and the statement limit are the same. */
        Anonymous anonymous();

        interface Anonymous {
            @WithDefault("2")
            @Min(1)
            int concurrent();

            /** Counted against the service's worker threads together with max-waiting (with {@link HeavyReads#run}). */
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

    HeavyReads(Config config, EntityManager em, CurrentVertxRequest request, MeterRegistry meters, Vertx vertx) {
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
        this.staff = new Lane("staff", config.concurrent(), config.maxWaiting(), meters, vertx);
        this.anonymous = new Lane("anonymous", config.anonymous().concurrent(), config.anonymous().maxWaiting(), meters,
                vertx);
    }

    /**
     * Runs {@code read} under a turn of the staff's lane, in a transaction with the statement time limit (see the
     * class), waiting for the turn on this thread; the caller is the current HTTP request's.
     */
    public <T> T run(Supplier<T> read) {
        return staff.run(read);
    }

    /** As {@link #run(Supplier)}, in the anonymous callers' lane (a public, unauthenticated endpoint). */
    public <T> T runAnonymous(Supplier<T> read) {
        return anonymous.run(read);
    }

    /**
     * As {@link #run(Supplier)}, for a resource method that returns what this does: the request waits for its turn
     * without a thread (a flood of 256 lists holds 4 worker threads, not 256, each with its last request), the read
     * then runs on one of the lane's own threads with the request's context (its request scope, log context and
     * caller); Quarkus REST writes the answer on the request's event loop, as for any Uni. A caller that leaves while
     * the read waits (the connection closed: Quarkus REST cancels) leaves the queue at once, unanswered (no 499).
     * Outside a Vert.x context (a test calling the service) the read waits and runs on the subscribing thread.
     */
    public <T> Uni<T> submit(Supplier<T> read) {
        return staff.submit(read);
    }

    /** As {@link #submit(Supplier)}, in the anonymous callers' lane. */
    public <T> Uni<T> submitAnonymous(Supplier<T> read) {
        return anonymous.submit(read);
    }

    @PreDestroy
    void close() {
        staff.workers.close();
        anonymous.workers.close();
    }

    /**
     * The staff lane's outcomes so far (also on /q/metrics as certcare_heavy_reads_total{lane="staff",outcome}, beside
     * the gauges certcare_heavy_reads_running and certcare_heavy_reads_waiting of each lane).
     */
    public Counts counts() {
        return staff.counts();
    }

    /** The anonymous lane's outcomes so far. */
    public Counts anonymousCounts() {
        return anonymous.counts();
    }

    /**
     * Turns, the waiting bound and the outcome counters of one kind of caller. A turn waited for is a future in a
     * FIFO queue: the turn given back completes the first still waiting (complete() is a compare-and-set, so a
     * waiter that timed out or left at that moment is passed over, never given a turn it cannot give back).
     */
    private final class Lane {
        private final ArrayDeque<CompletableFuture<Void>> queue = new ArrayDeque<>();
        private final int maxWaiting;
        /**
         * The submitted reads' threads, one a turn: a turn given does not wait behind the service's other blocking
         * work (a busy worker pool), at most for the thread that gave it back to hand its answer on.
         */
        private final WorkerExecutor workers;
        private int free; // guarded by this; free > 0 only with nobody queued
        private final Counter ran;
        private final Counter refused;
        private final Counter abandoned;

        Lane(String name, int concurrent, int maxWaiting, MeterRegistry meters, Vertx vertx) {
            this.free = concurrent;
            meters.gauge("certcare.heavy.reads.running", Tags.of("lane", name), this, lane -> lane.running(concurrent));
            meters.gauge("certcare.heavy.reads.waiting", Tags.of("lane", name), this, Lane::waiting);
            this.workers = vertx.createSharedWorkerExecutor("heavy-reads-" + name, concurrent);
            this.maxWaiting = maxWaiting;
            this.ran = meters.counter("certcare.heavy.reads", "lane", name, "outcome", "ran");
            this.refused = meters.counter("certcare.heavy.reads", "lane", name, "outcome", "refused");
            this.abandoned = meters.counter("certcare.heavy.reads", "lane", name, "outcome", "abandoned");
        }

        <T> T run(Supplier<T> read) {
            CompletableFuture<Void> turn = take();
            try {
                turn.get(); // times out by itself (take)
            } catch (InterruptedException e) { // the service stopping: nothing done, the caller may try again
                Thread.currentThread().interrupt();
                if (!turn.cancel(false) && !turn.isCompletedExceptionally()) {
                    give(); // given at that moment
                }
                throw refusal();
            } catch (ExecutionException | CancellationException e) {
                throw refusal();
            }
            return runTurn(read, callerGone(current()));
        }

        <T> Uni<T> submit(Supplier<T> read) {
            Context context = Vertx.currentContext();
            if (context == null) {
                return Uni.createFrom().item(() -> run(read));
            }
            RoutingContext caller = current();
            ManagedContext scope = Arc.container().requestContext();
            ContextState state = scope.isActive() ? scope.getState() : null;
            return Uni.createFrom().emitter(emitter -> {
                CompletableFuture<Void> turn = take();
                emitter.onTermination(() -> {
                    if (turn.cancel(false)) { // cancelled while waiting (the caller left): it leaves the queue
                        abandoned.increment();
                    }
                });
                turn.whenComplete((given, notGiven) -> {
                    if (notGiven instanceof CancellationException) {
                        return; // the caller left (counted above): nobody to answer
                    }
                    if (notGiven != null) { // waited wait-at-most
                        context.runOnContext(v -> emitter.fail(refusal()));
                        return;
                    }
                    // from the request's context (its log context and scope go with the read to the worker)
                    AtomicBoolean started = new AtomicBoolean();
                    Consumer<Throwable> notStarted = failure -> {
                        if (started.compareAndSet(false, true)) { // the turn back, and the caller told
                            give();
                            emitter.fail(failure);
                        }
                    };
                    try {
                        context.runOnContext(v -> {
                            try {
                                workers.executeBlocking(() -> {
                                    if (started.compareAndSet(false, true)) {
                                        answer(emitter, () -> runTurn(() -> inScope(read, scope, state),
                                                callerGone(caller)));
                                    }
                                    return null;
                                }, false).onFailure(notStarted::accept);
                            } catch (RuntimeException e) { // the service stopping: its pool closed
                                notStarted.accept(e);
                            }
                        });
                    } catch (RuntimeException e) {
                        notStarted.accept(e);
                    }
                });
            });
        }

        /** Turns taken now (reads running, or about to). */
        synchronized double running(int concurrent) {
            return concurrent - free;
        }

        synchronized double waiting() {
            return queue.size();
        }

        Counts counts() {
            return new Counts((long) ran.count(), (long) refused.count(), (long) abandoned.count());
        }

        /**
         * A turn: given already, or queued and failing after wait-at-most (leaving the queue), or refused at once
         * (ProblemException) with max-waiting already queued.
         */
        private CompletableFuture<Void> take() {
            CompletableFuture<Void> turn;
            synchronized (this) {
                if (free > 0) {
                    free--;
                    return CompletableFuture.completedFuture(null);
                }
                if (queue.size() >= maxWaiting) {
                    turn = null;
                } else {
                    turn = new CompletableFuture<>();
                    queue.add(turn);
                }
            }
            if (turn == null) {
                throw refusal();
            }
            turn.orTimeout(config.waitAtMost().toNanos(), TimeUnit.NANOSECONDS).whenComplete((given, notGiven) -> {
                if (notGiven != null) {
                    synchronized (this) {
                        queue.remove(turn);
                    }
                }
            });
            return turn;
        }

        /** Gives a turn back: to the first still waiting, else to the free ones. */
        private void give() {
            while (true) {
                CompletableFuture<Void> next;
                synchronized (this) {
                    next = queue.poll();
                    if (next == null) {
                        free++;
                        return;
                    }
                }
                if (next.complete(null)) { // outside the lock: it runs what waited for the turn
                    return;
                }
            }
        }

        private ProblemException refusal() {
            refused.increment();
            return new ProblemException(503, "database-busy").retryAfter(ProblemMappers.DATABASE_BUSY_RETRY_AFTER);
        }

        /** With a turn taken: the read, unless its caller has gone; the turn given back in any case. */
        private <T> T runTurn(Supplier<T> read, boolean callerGone) {
            try {
                if (callerGone) {
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
                give();
            }
        }
    }

    /** On the lane's worker: the read's answer (or failure) to the caller's Uni. */
    private static <T> void answer(UniEmitter<? super T> emitter, Supplier<T> read) {
        T answer;
        try {
            answer = read.get();
        } catch (Throwable failure) {
            emitter.fail(failure);
            return;
        }
        emitter.complete(answer);
    }

    /** The read with the request's scope active (as in the request), when it had one. */
    private static <T> T inScope(Supplier<T> read, ManagedContext scope, ContextState state) {
        if (state == null) {
            return read.get();
        }
        scope.activate(state);
        try {
            return read.get();
        } finally {
            scope.deactivate();
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

    /** The current HTTP request's routing context, or null outside one. */
    private RoutingContext current() {
        return Arc.container().requestContext().isActive() ? request.getCurrent() : null;
    }

    private static boolean callerGone(RoutingContext caller) {
        return caller != null && caller.response().closed();
    }
}
