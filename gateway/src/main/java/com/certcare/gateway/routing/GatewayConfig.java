package com.certcare.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The route table: for each service, where it listens and which path prefixes belong to it.
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

    interface Service {
        /** Base URL, e.g. {@code http://127.0.0.1:8081}. */
        String url();

        /** Path prefixes routed to the service; a prefix matches itself and everything below it. */
        List<String> prefixes();
    }
}
