package com.certcare.gateway.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.certcare.gateway.routing.GatewayConfig;

/** The gateway is ready when every service it routes to is ready; the data names each one's state. */
@Readiness
@ApplicationScoped
public class ServicesReadiness implements HealthCheck {

    private final GatewayConfig config;
    private final HttpClient http;

    ServicesReadiness(GatewayConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.healthTimeout()).build();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("services").up();
        for (Map.Entry<String, GatewayConfig.Service> service : config.services().entrySet()) {
            String state = probe(service.getValue().url());
            response.withData(service.getKey(), state);
            if (!"UP".equals(state)) {
                response.down();
            }
        }
        return response.build();
    }

    private String probe(String baseUrl) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(config.healthTimeout()).GET().build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200 ? "UP" : "DOWN (" + answer.statusCode() + ")";
        } catch (Exception e) {
            return "UNREACHABLE";
        } 
    }
}
