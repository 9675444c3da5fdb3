package com.certcare.gateway.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.certcare.gateway.routing.GatewayConfig;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The gateway is ready when every service it routes to is ready; the data names each one's state. The
 * probes run at once, without blocking a thread, each within {@code gateway.health-timeout}, on
 * connections that are closed after each probe (none is left open between probes).
 */
@Readiness
@ApplicationScoped
public class ServicesReadiness implements AsyncHealthCheck {

    private final GatewayConfig config;
    private final HttpClient http;

    ServicesReadiness(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false)
                .setConnectTimeout((int) config.healthTimeout().toMillis()).setName("readiness"));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Map<String, Future<String>> probes = new LinkedHashMap<>();
        config.services().forEach((name, service) -> probes.put(name, probe(service.url())));
        List<Future<String>> all = new ArrayList<>(probes.values());
        return Uni.createFrom().completionStage(Future.join(all).toCompletionStage()).onFailure().recoverWithNull()
                .map(ignored -> {
                    HealthCheckResponseBuilder response = HealthCheckResponse.named("services").up();
                    probes.forEach((name, probe) -> {
                        String state = probe.result();
                        response.withData(name, state);
                        if (!"UP".equals(state)) {
                            response.down();
                        }
                    });
                    return response.build();
                });
    }

    private Future<String> probe(String baseUrl) {
        long timeout = config.healthTimeout().toMillis();
        return http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(baseUrl + "/q/health/ready")
                .setConnectTimeout(timeout).setIdleTimeout(timeout))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200
                        ? "UP" : "DOWN (" + response.statusCode() + ")"))
                .otherwise(cause -> com.certcare.gateway.routing.BackendProxy.isTimeout(cause) ? "TIMEOUT" : "UNREACHABLE");
    }
}
