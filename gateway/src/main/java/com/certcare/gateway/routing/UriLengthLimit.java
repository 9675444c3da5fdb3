package com.certcare.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * A request whose address (path and query) is longer than {@code gateway.max-uri-length} is answered 414 as a
 * problem, before it is authenticated, rate-limited or proxied. Without it a long query (a pasted list, a runaway
 * client) reached the service, whose HTTP server refuses a request line over 4,096 bytes with a bare 414 and no
 * body, or, past the gateway's own line limit, got that bare 414 from the gateway. Runs after CORS, so a browser on
 * another allowed origin reads the problem instead of a CORS error.
 */
@ApplicationScoped
public class UriLengthLimit {

    private final int max;

    UriLengthLimit(GatewayConfig config) {
        this.max = config.maxUriLength();
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String uri = ctx.request().uri();
            if (uri != null && uri.length() > max) {
                GatewayProblem.URI_TOO_LONG.send(ctx.request(), null);
                return;
            }
            ctx.next();
        }, FilterOrder.URI_LENGTH);
    }
}
