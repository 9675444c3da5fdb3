package com.certcare.gateway.front;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.certcare.gateway.limits.PublicRateLimit;
import com.certcare.gateway.routing.BackendProxy;
import com.certcare.gateway.routing.Exchange;
import com.certcare.gateway.routing.GatewayConfig;
import com.certcare.gateway.routing.GatewayProblem;
import com.certcare.gateway.routing.InFlight;
import com.certcare.gateway.routing.NotableRequestLog;
import com.certcare.gateway.routing.RouteTable;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpUtils;

/**
 * The gateway's public port: a Vert.x HTTP server of its own, on Quarkus's Vert.x (its event loop, its native
 * transport), rather than Quarkus's HTTP server, which stays off ({@code quarkus.http.host-enabled=false}; health and
 * metrics keep the management interface). Measured on one by-id request: Quarkus's HTTP layer (router, filter chain,
 * security) cost 20-40 us of CPU per proxied request, a third of the gateway's. Each request, in order:
 * <ol>
 * <li>its request id and its place among the requests under way (InFlight, for the liveness check);
 * <li>CORS: a preflight answered, another origin refused 403;
 * <li>while the gateway stops: 503, the connection closed after (the requests under way may finish first,
 * {@code gateway.front.shutdown-timeout}; their answers say {@code Connection: close});
 * <li>CONNECT and TRACE: 405;
 * <li>an address over {@code gateway.max-uri-length}: 414; a malformed escape in the path: 400 (the path is routed
 * resolved, dot segments and escapes, as the service will read it);
 * <li>{@code /api/public/**}: the client's rate (429);
 * <li>the route: a service's prefix, or {@code /openapi/<name>}; nothing else is served here (404 problem,
 * {@code /q/**} included);
 * <li>a route that is not public needs a valid bearer token (401 problem; 503 if it cannot be verified now);
 * <li>proxied (BackendProxy).
 * </ol>
 * Every answer is counted by status (timer {@code gateway.answers} on /q/metrics; 499: the caller left first, 502
 * also for a service's answer that broke off mid-stream) and the refused, failed and slow ones logged
 * (NotableRequestLog). A fault of the gateway's own, here or in the proxy's connection and answer callbacks, is a 500
 * problem, never a request left hanging (were one to happen once the answer has begun - none of the fault paths
 * runs that late today - a reset, counted 500).
 */
@ApplicationScoped
public class FrontServer {

    private static final Logger LOG = Logger.getLogger(FrontServer.class);
    private static final String OPEN_API = "/q/openapi?format=json";

    private final Vertx vertx;
    private final GatewayConfig config;
    private final RouteTable routes;
    private final InFlight inFlight;
    private final PublicRateLimit publicRate;
    private final TokenCheck tokens;
    private final NotableRequestLog log;
    private final Cors cors;
    private final MeterRegistry registry;
    private final AtomicReferenceArray<Timer> answers = new AtomicReferenceArray<>(600);
    private final int maxUriLength;
    private final int eventLoops;
    private volatile HttpServer server;
    private volatile String deployment;
    private volatile boolean stopping;

    FrontServer(Vertx vertx, GatewayConfig config, RouteTable routes, PublicRateLimit publicRate, TokenCheck tokens,
            NotableRequestLog log, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.vertx.event-loops-pool-size") Optional<Integer> eventLoops) {
        this.vertx = vertx;
        this.config = config;
        this.routes = routes;
        this.inFlight = routes.inFlight();
        this.publicRate = publicRate;
        this.tokens = tokens;
        this.log = log;
        this.registry = registry;
        this.cors = new Cors(config.front());
        this.maxUriLength = config.maxUriLength();
        // Quarkus's default when unset: two per core
        this.eventLoops = Math.max(1, eventLoops.orElse(2 * Runtime.getRuntime().availableProcessors()));
    }

    void start(@Observes StartupEvent started) throws Exception {
        GatewayConfig.Front front = config.front();
        HttpServerOptions options = new HttpServerOptions()
                .setHost(front.host())
                .setPort(front.port())
                .setMaxInitialLineLength(front.maxInitialLineLength())
                .setMaxHeaderSize(front.maxHeaderSize())
                .setIdleTimeout((int) Math.max(1, front.idleTimeout().toSeconds()))
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                // curl and many HTTP libraries send Expect: 100-continue with a body over 1 MB and wait a second for
                // it: answered when the request is proxied (BackendProxy), so a refused upload is not sent at all
                .setHandle100ContinueAutomatically(false)
                // HTTP/1.1 only: the proxy reads a body's presence from HTTP/1.1's headers (BackendProxy.hasNoBody)
                .setHttp2ClearTextEnabled(false)
                .setTcpNoDelay(true);
        // one server per event loop (quarkus.vertx.event-loops-pool-size; Vert.x shares the port between them), as
        // Quarkus's own HTTP server was deployed
        deployment = vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                vertx.createHttpServer(options).requestHandler(FrontServer.this::handle).listen().onSuccess(listening -> {
                    server = listening;
                    started.complete();
                }).onFailure(started::fail);
            }
        }, new DeploymentOptions().setInstances(instances(front.port()))).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        int servers = instances(front.port());
        LOG.infof("gateway listening on http://%s:%d (%d event loop%s)", front.host(), server.actualPort(), servers,
                servers == 1 ? "" : "s");
    }

    void stop(@Observes ShutdownEvent shutdown) {
        drain(config.front().shutdownTimeout());
        String running = deployment;
        if (running != null) {
            try {
                vertx.undeploy(running).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debugf("closing the public port: %s", e);
            }
        }
    }

    /**
     * From now on a new request is answered 503 (problem "gateway-stopping", Retry-After, its connection closed
     * after; an answer under way says Connection: close), and the requests under way may finish: waits until none is left, or {@code timeout}. True if none is
     * left. Quarkus's own server did the same with {@code quarkus.shutdown.timeout}.
     */
    public boolean drain(Duration timeout) {
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        int left;
        while ((left = inFlight.count()) > 0) {
            if (System.nanoTime() - deadline >= 0) {
                LOG.warnf("stopping with %d request%s still under way", left, left == 1 ? "" : "s");
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * One server per event loop on a fixed port; on port 0 (tests) one, since Vert.x would give each instance a
     * random port of its own.
     */
    private int instances(int port) {
        return port == 0 ? 1 : eventLoops;
    }

    /** The port the gateway answers on (the configured one, or the one picked for port 0). */
    public int port() {
        return server.actualPort();
    }

    void handle(HttpServerRequest in) {
        long start = System.nanoTime();
        HttpServerResponse out = in.response();
        String requestId = RequestIds.assign(in);
        Exchange exchange = inFlight.begin(start);
        out.headersEndHandler(v -> {
            out.headers().set(RequestIds.HEADER, requestId);
            if (stopping) { // a caller keeping its connection for the next request would find the port closed
                out.headers().set(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
        });
        // Vert.x runs the end handler when the answer ends (end() called), and both handlers when the caller's
        // connection closes first (then the answer has not ended)
        out.endHandler(v -> finished(in, exchange, requestId));
        out.closeHandler(v -> finished(in, exchange, requestId));
        try {
            route(in, out, exchange);
        } catch (RuntimeException e) {
            GatewayProblem.fault(in, exchange, e);
        }
    }

    private void route(HttpServerRequest in, HttpServerResponse out, Exchange exchange) {
        if (!cors.admit(in, out)) {
            return;
        }
        if (stopping) { // after CORS, so a page of the SPA can read this answer too
            // Vert.x keeps an HTTP/1.1 connection open whatever the answer's Connection header says: closed here
            GatewayProblem.STOPPING.send(in, config.backend().retryAfter()).onComplete(sent -> in.connection().close());
            return;
        }
        if (in.method() == HttpMethod.CONNECT || in.method() == HttpMethod.TRACE) { // not for a service's API
            out.putHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            GatewayProblem.METHOD_NOT_ALLOWED.send(in, null);
            return;
        }
        String uri = in.uri();
        if (uri.length() > maxUriLength) {
            GatewayProblem.URI_TOO_LONG.send(in, null);
            return;
        }
        String path = in.path();
        if (path == null || path.isEmpty() || path.charAt(0) != '/') { // "OPTIONS *", or no path at all
            GatewayProblem.NOT_FOUND.send(in, null);
            return;
        }
        if (uri.charAt(0) != '/' || path.indexOf('%') >= 0 || path.contains("/.") || path.contains("//")) {
            // an absolute-form target ("GET http://host/api/...") goes on as path and query, like any other
            // and the path is routed as the service will read it: "/api/public/directory/../../customers/1" is /api/customers/1,
            // which needs a token (Vert.x-web's routes matched the normalised path too)
            try {
                path = HttpUtils.normalizePath(path);
            } catch (IllegalArgumentException e) { // "%zz", "%" at the end: not a path
                GatewayProblem.BAD_PATH.send(in, null);
                return;
            }
            String query = in.query();
            uri = query == null ? path : path + "?" + query;
        }
        if (PublicRateLimit.covers(path)) {
            long waitNanos = publicRate.waitNanos(in, path);
            if (waitNanos > 0) {
                GatewayProblem.RATE_LIMITED.send(in, Duration.ofNanos(waitNanos));
                return;
            }
        }
        RouteTable.Route route = routes.match(path);
        if (route == null) {
            BackendProxy document = routes.openApi(path);
            if (document != null && (in.method() == HttpMethod.GET || in.method() == HttpMethod.HEAD)) {
                document.forward(in, OPEN_API, exchange);
            } else {
                GatewayProblem.NOT_FOUND.send(in, null);
            }
            return;
        }
        if (route.open()) {
            route.proxy().forward(in, uri, exchange);
            return;
        }
        in.pause(); // a token not seen before is verified before the body may flow on
        String target = uri;
        tokens.check(in.getHeader("Authorization"), verdict -> {
            try {
                if (out.closed()) {
                    return; // the caller left while its token was verified
                }
                switch (verdict) {
                    case VALID -> route.proxy().forward(in, target, exchange);
                    case INVALID -> {
                        in.resume();
                        out.putHeader("WWW-Authenticate", "Bearer");
                        GatewayProblem.UNAUTHORIZED.send(in, null);
                    }
                    case UNAVAILABLE -> {
                        in.resume();
                        GatewayProblem.SIGN_IN_UNAVAILABLE.send(in, config.backend().retryAfter());
                    }
                }
            } catch (RuntimeException e) {
                GatewayProblem.fault(in, exchange, e);
            }
        });
    }

    private void finished(HttpServerRequest in, Exchange exchange, String requestId) {
        if (!inFlight.end(exchange)) {
            return; // told already
        }
        long nanos = System.nanoTime() - exchange.startNanos();
        HttpServerResponse out = in.response();
        if (exchange.resetStatus() != 0) { // reset by the gateway after it had begun (GatewayProblem.fault, BackendProxy)
            answered(in, exchange.resetStatus(), nanos, requestId);
        } else if (out.ended()) {
            answered(in, out.getStatusCode(), nanos, requestId);
        } else { // gone before its answer ended
            exchange.callerGone();
            answered(in, 499, nanos, requestId);
        }
    }

    private void answered(HttpServerRequest in, int status, long nanos, String requestId) {
        int index = status >= 100 && status < answers.length() ? status : 0;
        Timer timer = answers.get(index);
        if (timer == null) { // a race between event loops is harmless: the registry gives both the same timer
            timer = Timer.builder("gateway.answers").description("Answers of the public port, by status "
                    + "(499: the caller left first)").tag("status", index == 0 ? "other" : Integer.toString(status)).register(registry);
            answers.set(index, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
        log.answered(in, status, nanos, requestId);
    }
}
