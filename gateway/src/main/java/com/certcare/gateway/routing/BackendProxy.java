package com.certcare.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.logging.Logger;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Reverse proxy to one service, written for the ways a proxy wedges: a bounded connection pool with a
 * bounded wait queue (503 with Retry-After beyond it, never an unbounded queue), a time limit on getting
 * a connection (503) and on the back end's silence (504), and a caller that goes away resets its back-end
 * request, so the connection is closed and its pool slot freed instead of leaking. Every request is
 * tracked until it ends (InFlight, by the front server), so the liveness check sees a request that never finishes.
 */
public final class BackendProxy {

    private static final Logger LOG = Logger.getLogger(BackendProxy.class);

    /**
     * RFC 9110 7.6.1 hop-by-hop headers, never forwarded; Host is set for the back end. {@code Expect:
     * 100-continue} is answered by the gateway itself once the request is to be proxied, so the
     * service does not wait for it a second time.
     */
    private static final Set<String> HOP_BY_HOP = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    static {
        HOP_BY_HOP.addAll(List.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
                "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host", "expect"));
    }

    /** Who called, as a proxy in front says: taken from a trusted proxy only. */
    private static final Set<String> FORWARDED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    static {
        FORWARDED.addAll(List.of("x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port",
                "x-forwarded-prefix", "x-forwarded-ssl", "x-forwarded-server", "x-real-ip", "forwarded"));
    }

    private final String name;
    private final URI target;
    private final HttpClient client;
    private final GatewayConfig.Backend limits;
    private final List<String> slowPrefixes;
    private final Callers callers;
    /** The largest body declared that is passed on: the service's limit, else the gateway's. */
    private final long maxBodyBytes;
    private final String hostHeader;
    private final long connectTimeoutMillis;
    private final long responseTimeoutMillis;

    BackendProxy(Vertx vertx, String name, GatewayConfig.Service service, GatewayConfig.Backend limits,
            long gatewayMaxBodyBytes, Callers callers) {
        this.name = name;
        this.callers = callers;
        this.target = URI.create(service.url());
        this.limits = limits;
        this.slowPrefixes = service.slowPrefixes().orElse(List.of());
        this.maxBodyBytes = service.maxBodySize().map(size -> size.asLongValue()).orElse(gatewayMaxBodyBytes);
        this.hostHeader = target.getHost() + ":" + target.getPort();
        this.connectTimeoutMillis = limits.connectTimeout().toMillis();
        this.responseTimeoutMillis = limits.responseTimeout().toMillis();
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(target.getHost())
                .setDefaultPort(target.getPort())
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, limits.keepAliveTimeout().toSeconds()))
                .setConnectTimeout((int) limits.connectTimeout().toMillis())
                .setTcpNoDelay(true)
                .setName("backend-" + name);
        PoolOptions pool = new PoolOptions()
                .setHttp1MaxSize(limits.maxConnections())
                .setMaxWaitQueueSize(limits.maxWaiting())
                .setCleanerPeriod(1000);
        this.client = vertx.createHttpClient(options, pool);
    }

    /**
     * Proxies the caller's request to {@code uri} on the service and streams the answer back. The front server has
     * set the answer's end and close handlers on {@code exchange}; a caller that leaves runs what is set here.
     */
    public void forward(HttpServerRequest in, String uri, Exchange exchange) {
        if (declaresTooMuch(in)) {
            in.resume();
            GatewayProblem.TOO_LARGE.send(in, null);
            return;
        }
        in.pause();
        HttpServerResponse out = in.response();
        if ("100-continue".equalsIgnoreCase(in.getHeader(HttpHeaders.EXPECT))) {
            // the caller may send its body now: it passed every check (a refused one is answered without it)
            out.writeContinue();
        }
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setURI(uri)
                .setHeaders(requestHeaders(in))
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(responseTimeoutMillis(uri));

        client.request(options).onComplete(obtained -> {
            try {
                connected(in, out, obtained, exchange);
            } catch (RuntimeException e) {
                if (obtained.succeeded()) {
                    obtained.result().reset(); // its pool slot back now, not at its time limit
                }
                GatewayProblem.fault(in, exchange, e);
            }
        });
    }

    private void connected(HttpServerRequest in, HttpServerResponse out, AsyncResult<HttpClientRequest> obtained,
            Exchange exchange) {
        if (obtained.failed()) {
            noConnection(in, obtained.cause());
            return;
        }
        HttpClientRequest backend = obtained.result();
        // failures reach the futures below; without a handler Vert.x would log each reset as an error
        backend.exceptionHandler(e -> LOG.debugf("%s %s: %s", name, in.path(), e));
        if (out.closed()) { // the caller went away while we waited for a connection
            backend.reset();
            return;
        }
        // A caller that goes away mid-request: reset the back-end request, which closes its connection
        // and frees the pool slot (a pooled connection must never wait for an answer nobody reads).
        exchange.onCallerGone(backend::reset);
        in.exceptionHandler(e -> backend.reset());
        // A request without a body (a GET) goes out as headers only, in one write: piped from the caller's
        // (empty) stream, it would be sent chunked, with its end as a second write the service waits for.
        Future<HttpClientResponse> sent;
        if (hasNoBody(in)) {
            in.resume();
            sent = backend.send();
        } else {
            sent = backend.send(in);
        }
        sent.onComplete(answered -> {
            try {
                if (answered.failed()) {
                    failedBeforeAnswer(in, answered.cause());
                    return;
                }
                relay(in, out, answered.result(), backend, exchange);
            } catch (RuntimeException e) {
                backend.reset();
                GatewayProblem.fault(in, exchange, e);
            }
        });
    }

    private void relay(HttpServerRequest in, HttpServerResponse out, HttpClientResponse answer, HttpClientRequest backend,
            Exchange exchange) {
        answer.exceptionHandler(e -> {
            // the back end stalled or broke mid-stream, or the caller left: neither side can be told more
            LOG.debugf("%s %s: answer not relayed whole: %s", name, in.path(), e);
            backend.reset();
            if (!out.closed() && !out.ended()) {
                exchange.resetAs(502); // the caller did not leave: counted and logged as the service's failure
                out.reset();
            }
        });
        if (out.closed()) { // set before this reset: an answer without a handler logs its reset as an error
            backend.reset();
            return;
        }
        out.setStatusCode(answer.statusCode());
        out.setStatusMessage(answer.statusMessage());
        MultiMap headers = out.headers();
        for (Map.Entry<String, String> h : answer.headers()) {
            if (!HOP_BY_HOP.contains(h.getKey())) {
                headers.add(h.getKey(), h.getValue());
            }
        }
        int status = answer.statusCode();
        if (in.method() == HttpMethod.HEAD || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            // no body may follow: drain what the back end sent (nothing) and end
            answer.end().onComplete(done -> out.end());
            return;
        }
        // An answer of unknown length goes on chunked; to an HTTP/1.0 caller, which cannot read chunks, it ends by
        // closing the connection (kept open, the caller would wait for more until the idle timeout; Vert.x still
        // says keep-alive to one that asked for it - the close is what ends the body)
        boolean closeAtEnd = false;
        if (!answer.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            if (in.version() == HttpVersion.HTTP_1_0) {
                closeAtEnd = true;
            } else {
                out.setChunked(true);
            }
        }
        boolean close = closeAtEnd;
        // relayed by hand, not piped: a pipe throws into the event loop when the caller has gone
        answer.handler(chunk -> {
            if (out.closed()) {
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                answer.pause();
                out.drainHandler(v -> answer.resume());
            }
        });
        answer.endHandler(v -> {
            if (!out.closed() && !out.ended()) {
                Future<Void> ended = out.end();
                if (close) {
                    ended.onComplete(done -> in.connection().close());
                }
            }
        });
    }

    private void noConnection(HttpServerRequest in, Throwable cause) {
        in.resume(); // let the rest of a body drain; the answer goes out now
        if (cause instanceof ConnectionPoolTooBusyException || isTimeout(cause)) {
            LOG.debugf("%s %s: no connection (%s) -> 503", name, in.path(), cause.getMessage());
            GatewayProblem.OVERLOADED.send(in, limits.retryAfter());
        } else {
            LOG.debugf("%s %s: cannot connect (%s) -> 502", name, in.path(), cause);
            GatewayProblem.BAD_GATEWAY.send(in, limits.retryAfter());
        }
    }

    private void failedBeforeAnswer(HttpServerRequest in, Throwable cause) {
        if (isTimeout(cause)) {
            LOG.infof("%s %s %s: no answer in time -> 504", name, in.method(), in.path());
            GatewayProblem.TIMEOUT.send(in, null);
        } else if (cause instanceof ConnectException) {
            GatewayProblem.BAD_GATEWAY.send(in, limits.retryAfter());
        } else {
            // connection closed by the back end, or reset because the caller left (then nothing is sent)
            LOG.debugf("%s %s: failed before the answer: %s", name, in.path(), cause);
            GatewayProblem.BAD_GATEWAY.send(in, limits.retryAfter());
        }
    }

    /** A declared Content-Length over the service's limit (a body without one is bounded by the service). */
    private boolean declaresTooMuch(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }

    /** No Content-Length (or 0) and no Transfer-Encoding: HTTP/1.1 says the request has no body. */
    static boolean hasNoBody(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        return !in.headers().contains(HttpHeaders.TRANSFER_ENCODING) && (length == null || length.trim().equals("0"));
    }

    private Duration responseTimeout(String path) {
        for (String prefix : slowPrefixes) {
            if (RouteTable.under(path, prefix)) {
                return limits.slowResponseTimeout();
            }
        }
        return limits.responseTimeout();
    }

    /** The time limit for the request to {@code uri} (path and query, as passed on). */
    private long responseTimeoutMillis(String uri) {
        if (slowPrefixes.isEmpty()) {
            return responseTimeoutMillis;
        }
        int query = uri.indexOf('?');
        return responseTimeout(query < 0 ? uri : uri.substring(0, query)).toMillis();
    }

    /**
     * The caller's headers but the hop-by-hop ones, with X-Forwarded-For/-Host/-Proto saying who called. From a
     * trusted proxy ({@link Callers}: nginx, the web app's server) its X-Forwarded-* headers go on,
     * the proxy's address added to X-Forwarded-For; from anyone else they are replaced (and Forwarded dropped), so a
     * caller cannot pass itself off as another address or site.
     */
    private MultiMap requestHeaders(HttpServerRequest in) {
        String peer = Callers.peer(in);
        boolean fromProxy = callers.trusts(peer);
        MultiMap headers = HttpHeaders.headers();
        for (Map.Entry<String, String> h : in.headers()) {
            if (!HOP_BY_HOP.contains(h.getKey()) && (fromProxy || !FORWARDED.contains(h.getKey()))) {
                headers.add(h.getKey(), h.getValue());
            }
        }
        String forwardedFor = fromProxy ? Callers.forwardedFor(in) : null;
        if (peer != null) {
            headers.set("X-Forwarded-For", forwardedFor == null ? peer : forwardedFor + ", " + peer);
        }
        if (in.authority() != null && !headers.contains("X-Forwarded-Host")) {
            headers.set("X-Forwarded-Host", in.authority().toString());
        }
        if (!headers.contains("X-Forwarded-Proto")) {
            headers.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        }
        headers.set(HttpHeaders.HOST, hostHeader);
        return headers;
    }

    /** Vert.x reports its own timeouts (pool wait, idle response) as NoStackTraceTimeoutException. */
    public static boolean isTimeout(Throwable cause) {
        // at most 64 causes: a chain can loop (A caused by B caused by A), and this runs on the event loop
        int depth = 0;
        for (Throwable t = cause; t != null && depth++ < 64; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
