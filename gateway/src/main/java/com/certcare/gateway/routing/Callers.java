package com.certcare.gateway.routing;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpServerRequest;

/**
 * Who is calling. A caller at one of {@code gateway.trusted-proxies} (nginx, the web app's server) is a reverse proxy
 * speaking for someone else: its X-Forwarded-* headers are believed. From anyone else they are not, so a caller cannot
 * pass itself off as another address (to slip past the public rate limit) or another site. One rule for the proxy
 * ({@link BackendProxy}, what the services are told) and the rate limit (which client a request counts against).
 */
@Singleton
public class Callers {

    private final Set<String> trustedProxies;

    @Inject
    Callers(GatewayConfig config) {
        this(config.trustedProxies());
    }

    Callers(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** The address of the caller at the other end of the connection, or null if Vert.x does not know it. */
    public static String peer(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    /** Whether a caller at this address (null: unknown) is a trusted proxy, whose X-Forwarded-* headers are believed. */
    public boolean trusts(String peer) {
        return peer != null && trustedProxies.contains(peer);
    }

    /** Every X-Forwarded-For line of the request as one list ("a, b, c"), or null if it has none. */
    public static String forwardedFor(HttpServerRequest request) {
        List<String> lines = request.headers().getAll("X-Forwarded-For");
        return lines.isEmpty() ? null : lines.size() == 1 ? lines.get(0) : String.join(", ", lines);
    }

    /** The client a request counts against: its peer; behind a trusted proxy, the last forwarded address that is not a proxy. */
    public String clientOf(HttpServerRequest request) {
        String peer = peer(request);
        return clientOf(peer == null ? "unknown" : peer, forwardedFor(request));
    }

    /** {@link #clientOf(HttpServerRequest)} of a peer and the X-Forwarded-For it sent (null: none). */
    String clientOf(String peer, String forwardedFor) {
        if (forwardedFor == null || !trusts(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
