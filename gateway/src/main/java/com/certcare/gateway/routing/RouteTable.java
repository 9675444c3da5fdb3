package com.certcare.gateway.routing;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Installs the configured routes on the HTTP router: each service's prefixes are reverse-proxied to
 * it ({@link BackendProxy}) with headers (Authorization, X-Request-Id, Accept-Language) passed on;
 * {@code /openapi/<name>} serves that service's OpenAPI document. Request ids, CORS, the address length, the public
 * rate limit and token checks run before these routes, as filters (FilterOrder).
 */
@ApplicationScoped
public class RouteTable {

    private static final Logger LOG = Logger.getLogger(RouteTable.class);

    private final BackendProxy.InFlight inFlight = new BackendProxy.InFlight();

    void install(@Observes Router router, Vertx vertx, GatewayConfig config) {
        for (Map.Entry<String, GatewayConfig.Service> entry : config.services().entrySet()) {
            String name = entry.getKey();
            BackendProxy proxy = new BackendProxy(vertx, name, entry.getValue(), config.backend(), inFlight);
            for (String prefix : entry.getValue().prefixes()) {
                Handler<RoutingContext> access = prefix.startsWith("/api/public") ? RoutingContext::next : RouteTable::requireToken;
                router.route(prefix).handler(access).handler(proxy);
                router.route(prefix + "/*").handler(access).handler(proxy);
                LOG.infof("route %s/** -> %s (%s)", prefix, entry.getValue().url(), name);
            }
            router.get("/openapi/" + name).handler(ctx -> proxy.forward(ctx.request(), "/q/openapi?format=json"));
        }
        // anything else under /api is no service's: a problem, not Vert.x's plain-text 404
        router.route("/api/*").order(Integer.MAX_VALUE - 1)
                .handler(ctx -> GatewayProblem.NOT_FOUND.send(ctx.request(), null));
    }

    /**
     * A token-protected route: the token was verified (proactively, before any route) and an identity set; a
     * request without one gets a 401 problem here (Quarkus's own answer has no body).
     */
    static void requireToken(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        GatewayProblem.UNAUTHORIZED.send(ctx.request(), null);
    }

    /** The requests under way through every route. */
    public BackendProxy.InFlight inFlight() {
        return inFlight;
    }
}
