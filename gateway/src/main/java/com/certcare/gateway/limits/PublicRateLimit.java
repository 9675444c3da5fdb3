package com.certcare.gateway.limits;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.gateway.routing.Callers;
import com.certcare.gateway.routing.GatewayConfig;
import com.certcare.gateway.routing.RouteTable;

import io.vertx.core.http.HttpServerRequest;

/**
 * Per-client rate limit on the anonymous paths ({@code /api/public/**}: the application form, the
 * directory, the certificate check, the survey links): a token bucket per client address, 429 with
 * Retry-After when it is empty. Behind a trusted reverse proxy the client is taken from X-Forwarded-For ({@link Callers}).
 * Asked before token checks and routing, so a flood costs the gateway little and the services nothing. Submitting an
 * application and its reference pages (where a secret is guessed) take from a second, stricter bucket as well
 * ({@code applications-per-minute}, {@code applications-burst}).
 */
@ApplicationScoped
public class PublicRateLimit {

    static final String PATH = "/api/public";
    static final String APPLICATIONS = "/api/public/applications";

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Bucket> applicationBuckets = new ConcurrentHashMap<>();
    private final GatewayConfig.PublicRate config;
    private final Callers callers;

    PublicRateLimit(GatewayConfig config, Callers callers) {
        this.config = config.publicRate();
        this.callers = callers;
    }

    /**
     * For a request on {@code /api/public/**} ({@code path}: its path, normalised): takes a token from its client's bucket (and from the stricter one for
     * an application's pages); 0 if it may go on, else the nanoseconds until it may (the front server answers 429).
     */
    public long waitNanos(HttpServerRequest request, String path) {
        if (!config.enabled()) {
            return 0;
        }
        String client = callers.clientOf(request);
        long now = System.nanoTime();
        long waitNanos = take(client, now);
        if (waitNanos == 0 && isApplicationPage(request.method().name(), path)) {
            waitNanos = take(applicationBuckets, client, now, config.applicationsPerMinute() / 60.0,
                    config.applicationsBurst());
        }
        return waitNanos;
    }

    /** Whether a (resolved) path is one of the anonymous ones this limit is for. */
    public static boolean covers(String path) {
        return RouteTable.under(path, PATH);
    }

    /** Submitting an application, or its status page, answers and withdrawal by reference; not the blank form. */
    static boolean isApplicationPage(String method, String path) {
        if (path.equals(APPLICATIONS) || path.equals(APPLICATIONS + "/")) {
            return "POST".equals(method);
        }
        return path.startsWith(APPLICATIONS + "/") && !path.equals(APPLICATIONS + "/form");
    }

    /** Takes one token from the client's bucket; 0 if it had one, else the nanoseconds until it will. */
    long take(String client, long now) {
        return take(buckets, client, now, config.perSecond(), config.burst());
    }

    private long take(Map<String, Bucket> buckets, String client, long now, double perSecond, int burst) {
        if (buckets.size() >= config.maxClients()) {
            forgetIdle(buckets, now, perSecond, burst);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        return bucket.take(now, perSecond, burst);
    }

    /** Drops buckets that have refilled (their clients have been quiet); if none has, the oldest half. */
    private void forgetIdle(Map<String, Bucket> buckets, long now, double perSecond, int burst) {
        double full = burst;
        buckets.values().removeIf(b -> b.level(now, perSecond, burst) >= full);
        if (buckets.size() >= config.maxClients()) {
            Iterator<String> it = buckets.keySet().iterator();
            for (int n = buckets.size() / 2; n > 0 && it.hasNext(); n--) {
                it.next();
                it.remove();
            }
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized double level(long now, double perSecond, int burst) {
            return Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
        }

        synchronized long take(long now, double perSecond, int burst) {
            tokens = level(now, perSecond, burst);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) ((1 - tokens) / perSecond * 1e9);
        }
    }
}
