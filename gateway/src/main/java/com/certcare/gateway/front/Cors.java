package com.certcare.gateway.front;

import java.util.Set;

import com.certcare.gateway.routing.GatewayConfig;
import com.certcare.gateway.routing.GatewayProblem;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Cross-origin requests from the SPA's origins ({@code gateway.front.cors-*}), checked before anything else is, so
 * the gateway's own refusals (414, 429, 401) are readable by the page too. A preflight is answered here and reaches
 * no service (nor the rate limit); a request from an origin not allowed is refused 403 (a same-origin request is
 * allowed: the scheme and Host the gateway sees - behind a proxy that terminates TLS, the site's https origin must be
 * listed); a request without an Origin header is not a browser's cross-origin one and passes.
 */
final class Cors {

    private final Set<String> origins;
    private final String methods;
    private final String headers;
    private final String exposedHeaders;
    private final String maxAgeSeconds;

    Cors(GatewayConfig.Front config) {
        this.origins = Set.copyOf(config.corsOrigins());
        this.methods = String.join(",", config.corsMethods());
        this.headers = String.join(",", config.corsHeaders());
        this.exposedHeaders = String.join(",", config.corsExposedHeaders());
        this.maxAgeSeconds = Long.toString(config.corsMaxAge().toSeconds());
    }

    /** Puts the CORS headers on the answer; false when the request was answered here (a preflight, a refusal). */
    boolean admit(HttpServerRequest in, HttpServerResponse out) {
        String origin = in.getHeader("Origin");
        // on every answer: a cache must not give the answer to a request without Origin to one with it, or the reverse
        out.headers().add("Vary", "Origin");
        if (origin == null) {
            return true;
        }
        if (!origins.contains(origin) && !sameOrigin(in, origin)) {
            GatewayProblem.ORIGIN_REFUSED.send(in, null);
            return false;
        }
        MultiMap answer = out.headers();
        answer.set("Access-Control-Allow-Origin", origin);
        answer.set("Access-Control-Allow-Credentials", "true");
        if (in.method() == HttpMethod.OPTIONS && in.getHeader("Access-Control-Request-Method") != null) {
            answer.set("Access-Control-Allow-Methods", methods);
            answer.set("Access-Control-Allow-Headers", headers);
            answer.set("Access-Control-Max-Age", maxAgeSeconds);
            out.setStatusCode(200).end();
            return false;
        }
        answer.set("Access-Control-Expose-Headers", exposedHeaders);
        return true;
    }

    private static boolean sameOrigin(HttpServerRequest in, String origin) {
        return in.authority() != null && origin.equals((in.isSSL() ? "https://" : "http://") + in.authority());
    }
}
