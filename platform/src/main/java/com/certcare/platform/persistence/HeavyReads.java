package com.certcare.platform.persistence;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds how many heavy reads (a filtered list, a substring search, statistics: tens of milliseconds of database
 * CPU each) run at once. On a small machine, 256 of them at once do not finish sooner than 4 at a time: they take
 * turns on the same cores, hold every pooled connection, and a cheap request (one customer by id) waits behind
 * them. So a heavy read first takes one of {@code concurrent} permits, waiting {@code wait} at most (then 503
 * database-busy with Retry-After, nothing done), and once it has one, runs only if its caller is still connected:
 * a caller that went away while waiting (a closed tab, a load generator stopped, a proxy that gave up) costs
 * nothing more. Its database connection is taken after the permit, so waiting holds none.
 */
@ApplicationScoped
public class HeavyReads {

    /** {@code certcare.heavy-reads.*}: about twice the database's cores; the wait below the proxies' time limits. */
    @ConfigMapping(prefix = "certcare.heavy-reads")
    public interface Config {
        @WithDefault("4")
        int concurrent();

        @WithDefault("5s")
        Duration waitAtMost();

        @WithDefault("2s")
        Duration retryAfter();
    }

    private final Semaphore permits;
    private final Config config;
    private final CurrentVertxRequest request;
    private final Counter ran;
    private final Counter refused;
    private final Counter abandoned;

    HeavyReads(Config config, CurrentVertxRequest request, MeterRegistry meters) {
        this.config = config;
        this.request = request;
        this.permits = new Semaphore(config.concurrent(), true);
        this.ran = meters.counter("certcare.heavy.reads", "outcome", "ran");
        this.refused = meters.counter("certcare.heavy.reads", "outcome", "refused");
        this.abandoned = meters.counter("certcare.heavy.reads", "outcome", "abandoned");
    }

    /** Runs {@code read} under a permit (see the class); the caller's request is the current HTTP request. */
    public <T> T run(Supplier<T> read) {
        boolean granted;
        try {
            granted = permits.tryAcquire(config.waitAtMost().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            granted = false;
        }
        if (!granted) {
            refused.increment();
            throw new com.certcare.platform.problem.ProblemException(503, "database-busy")
                    .retryAfter(config.retryAfter());
        }
        try {
            if (callerGone()) {
                abandoned.increment();
                // answered like any write to a closed connection (ProblemMappers): nobody reads it
                throw new HttpClosedException("caller closed the connection while the read waited for its turn");
            }
            ran.increment();
            return read.get();
        } finally {
            permits.release();
        }
    }

    /** Heavy reads that ran, were refused after the wait, and were dropped because their caller had gone. */
    public long[] counts() {
        return new long[] { (long) ran.count(), (long) refused.count(), (long) abandoned.count() };
    }

    private boolean callerGone() {
        if (!Arc.container().requestContext().isActive()) {
            return false; // not an HTTP request's work
        }
        RoutingContext current = request.getCurrent();
        return current != null && current.response().closed();
    }
}
