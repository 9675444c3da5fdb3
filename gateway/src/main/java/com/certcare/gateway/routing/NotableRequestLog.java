package com.certcare.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpServerRequest;

/**
 * The gateway's request log: one line for each request the gateway answered with an error (401, 403, 429,
 * 5xx: what it decided itself, or a service's failure) and for each slower than {@code gateway.slow-request},
 * with its request id. Every request is logged by the service that served it, under the same id; logging
 * each one here too (Quarkus's access log) cost the gateway almost half of its CPU per proxied request.
 */
@ApplicationScoped
public class NotableRequestLog {

    private static final Logger LOG = Logger.getLogger("gateway.requests");

    private final long slowNanos;

    NotableRequestLog(GatewayConfig config) {
        this.slowNanos = config.slowRequest().toNanos();
    }

    /** A request's answer has ended, or its caller left before: logged if it was refused, failed or slow. */
    public void answered(HttpServerRequest request, int status, long nanos, String requestId) {
        if (status == 401 || status == 403 || status == 429 || status >= 500 || nanos > slowNanos) {
            LOG.infof("%s \"%s %s\" %d %d ms rid=%s", request.remoteAddress() == null ? "-"
                    : request.remoteAddress().hostAddress(), request.method(), request.path(), status,
                    nanos / 1_000_000, requestId);
        }
    }
}
