package com.certcare.gateway.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import com.certcare.gateway.routing.GatewayConfig;
import com.certcare.gateway.routing.InFlight;
import com.certcare.gateway.routing.RouteTable;

/**
 * The gateway is alive while its requests finish (every request on the public port is counted from its arrival,
 * through its token's verification, to its answer's end): a proxied one has a time limit (waiting for a connection,
 * then the back end's silence), so one still under way well past the longest limit means the proxy is wedged, and
 * a restart is the cure. The data shows the requests under way and the oldest's age.
 */
@Liveness
@ApplicationScoped
public class ProxyLiveness implements HealthCheck {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final RouteTable routes;
    private final Duration limit;

    ProxyLiveness(RouteTable routes, GatewayConfig config) {
        this.routes = routes;
        GatewayConfig.Backend backend = config.backend();
        Duration longest = backend.slowResponseTimeout().compareTo(backend.responseTimeout()) > 0
                ? backend.slowResponseTimeout() : backend.responseTimeout();
        this.limit = longest.plus(backend.connectTimeout()).plus(GRACE);
    }

    @Override
    public HealthCheckResponse call() {
        InFlight inFlight = routes.inFlight();
        Duration oldest = inFlight.oldest();
        return HealthCheckResponse.named("proxy")
                .status(oldest.compareTo(limit) <= 0)
                .withData("inFlight", inFlight.count())
                .withData("oldestMs", oldest.toMillis())
                .withData("limitMs", limit.toMillis())
                .build();
    }
}
