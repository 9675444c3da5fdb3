package com.certcare.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The route table and the limits that keep the gateway answering under load: for each service, where
 * it listens, which path prefixes belong to it, and how many connections it may be given.
 * <pre>
 * gateway.services.customer.url=http://127.0.0.1:8081
 * gateway.services.customer.prefixes=/api/customers,/api/public/directory
 * </pre>
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Map<String, Service> services();

    /** How long a readiness probe of one service may take. */
    @WithDefault("2s")
    Duration healthTimeout();

    /** A request slower than this is logged (NotableRequestLog), whatever its answer. */
    @WithDefault("1s")
    Duration slowRequest();

    /**
     * The longest request target (path and query) the gateway passes on; a longer one is a 414 problem. Below the
     * services' own limit on the request line (Vert.x's 4,096 bytes, which would answer 414 with no body); the
     * gateway reads request lines up to {@code gateway.front.max-initial-line-length} so it can say so.
     */
    @WithDefault("4000")
    int maxUriLength();

    /**
     * Addresses and CIDR ranges of reverse proxies in front of the gateway (nginx, the web app's server), whose
     * X-Forwarded-* headers are believed ({@link Callers}, which also says what it refuses): passed on to the services,
     * and the client a public request counts against is the last address in X-Forwarded-For that is not a proxy. From
     * any other caller they are replaced or dropped. A range must hold proxies only: anyone in it may name any client.
     */
    @WithDefault("127.0.0.1,0:0:0:0:0:0:0:1")
    List<String> trustedProxies();

    /** Back-end connections and the time each step of a proxied request may take. */
    Backend backend();

    /** Per-client limits on the anonymous {@code /api/public/**} paths. */
    PublicRate publicRate();

    /** The public HTTP server the gateway answers on (its own, not Quarkus's: see FrontServer). */
    Front front();

    interface Front {
        /** The interface to listen on; run.sh binds the local stack to loopback (QUARKUS_HTTP_HOST). */
        @WithDefault("${quarkus.http.host:0.0.0.0}")
        String host();

        /** The public port (8080); 0 in tests picks a free one. */
        @WithDefault("${quarkus.http.port:8080}")
        int port();

        /**
         * The longest request line read; a longer one gets Vert.x's bare 414. Above {@code max-uri-length}, so an
         * address between the two is told as a problem.
         */
        @WithDefault("65536")
        int maxInitialLineLength();

        /** The most bytes of request headers read (Quarkus's default: 20 KiB). */
        @WithDefault("20480")
        int maxHeaderSize();

        /** The largest body a caller may declare for a service without a {@code max-body-size} of its own. */
        @WithDefault("100M")
        MemorySize maxBodySize();

        /** A caller's connection that sends nothing for this long is closed (above the slow time limit). */
        @WithDefault("6m")
        Duration idleTimeout();

        /**
         * On shutdown, how long the requests under way may take to finish while new ones are answered 503 (with the
         * port's closing, at most 10 s more, within the 30 s run.sh gives an app to stop). An upload or import still
         * running then is cut off.
         */
        @WithDefault("15s")
        Duration shutdownTimeout();

        /** Origins a browser may call the API from (the SPA's); another origin's request is refused 403. */
        List<String> corsOrigins();

        @WithDefault("GET,POST,PUT,PATCH,DELETE,OPTIONS")
        List<String> corsMethods();

        /** Request headers a browser on another origin may send. */
        List<String> corsHeaders();

        /** Answer headers a script on another origin may read. */
        List<String> corsExposedHeaders();

        /** How long a browser may keep a preflight's answer. */
        @WithDefault("1H")
        Duration corsMaxAge();
    }

    interface Service {
        /** Base URL, e.g. {@code http://127.0.0.1:8081}. */
        String url();

        /** Path prefixes routed to the service; a prefix matches itself and everything below it. */
        List<String> prefixes();

        /** Paths (prefixes) whose answer may take longer than {@code backend.response-timeout}, e.g. an import. */
        Optional<List<String>> slowPrefixes();

        /**
         * The largest body the service takes (its {@code quarkus.http.limits.max-body-size}). A request that
         * declares more is answered 413 here: the service would refuse it by closing the connection while the
         * body still flows, and the caller would see 502 instead of "too large". Absent: the gateway's own limit.
         */
        Optional<MemorySize> maxBodySize();
    }

    interface Backend {
        /** Open connections to one service at most; more requests wait for one of them. */
        @WithDefault("32")
        int maxConnections();

        /** Requests waiting for a connection to one service at most; beyond that the answer is 503 at once. */
        @WithDefault("256")
        int maxWaiting();

        /** How long a request may wait for a pooled connection (or for a new one to open) before 503. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** A back end that sends nothing for this long gets its request reset; the caller gets 504. */
        @WithDefault("30s")
        Duration responseTimeout();

        /** The same for the service's slow prefixes (imports of 100,000 rows take about a minute). */
        @WithDefault("5m")
        Duration slowResponseTimeout();

        /** An idle pooled connection is closed after this long (below the services' own idle timeout). */
        @WithDefault("20s")
        Duration keepAliveTimeout();

        /** What 503 answers ask the caller to wait before trying again. */
        @WithDefault("2s")
        Duration retryAfter();
    }

    interface PublicRate {
        /** Whether {@code /api/public/**} is rate-limited per client. */
        @WithDefault("true")
        boolean enabled();

        /** Requests a client may make per second on average. */
        @WithDefault("10")
        double perSecond();

        /** Requests a client may make in a burst. */
        @WithDefault("40")
        int burst();

        /** Clients tracked at most; the least recently seen are forgotten first. */
        @WithDefault("100000")
        int maxClients();

        /**
         * Stricter, besides the above, for applying and for an application's pages (POST /api/public/applications,
         * /api/public/applications/{reference}[/answers|/withdraw]; the form itself is not counted): requests per
         * minute a client may make on average.
         */
        @WithDefault("10")
        double applicationsPerMinute();

        /** Requests to those paths a client may make in a burst. */
        @WithDefault("5")
        int applicationsBurst();
    }
}
