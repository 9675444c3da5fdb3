package com.certcare.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;

/**
 * The configured routes: each service's prefixes are reverse-proxied to it ({@link BackendProxy}) with headers
 * (Authorization, X-Request-Id, Accept-Language) passed on; {@code /openapi/<name>} serves that service's OpenAPI
 * document. Request ids, CORS, the address length, the public rate limit and token checks happen before a route is
 * taken, in the front server.
 */
@ApplicationScoped
public class RouteTable {

    private static final Logger LOG = Logger.getLogger(RouteTable.class);
    static final String PUBLIC = "/api/public";

    private final InFlight inFlight = new InFlight();
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, BackendProxy> openApi = new HashMap<>();

    /** A path prefix and the service behind it; {@code open}: no token needed ({@code /api/public/**}). */
    public record Route(String prefix, BackendProxy proxy, boolean open) {
    }

    RouteTable(Vertx vertx, GatewayConfig config, Callers callers) {
        long maxBody = config.front().maxBodySize().asLongValue();
        for (Map.Entry<String, GatewayConfig.Service> entry : config.services().entrySet()) {
            String name = entry.getKey();
            BackendProxy proxy = new BackendProxy(vertx, name, entry.getValue(), config.backend(), maxBody,
                    callers);
            for (String prefix : entry.getValue().prefixes()) {
                routes.add(new Route(prefix, proxy, under(prefix, PUBLIC)));
                LOG.infof("route %s/** -> %s (%s)", prefix, entry.getValue().url(), name);
            }
            openApi.put("/openapi/" + name, proxy);
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()); // the longest prefix wins
    }

    /** The route whose prefix is the path or a parent of it ({@code /api/customersX} is not under /api/customers). */
    public Route match(String path) {
        for (Route route : routes) {
            if (under(path, route.prefix())) {
                return route;
            }
        }
        return null;
    }

    /** The service whose OpenAPI document {@code /openapi/<name>} is, or null. */
    public BackendProxy openApi(String path) {
        return openApi.get(path);
    }

    /** The path is the prefix or below it. */
    public static boolean under(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** The requests under way through every route. */
    public InFlight inFlight() {
        return inFlight;
    }
}
