package com.certcare.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the services behind the gateway: one HTTP server that answers every path with what it
 * received (method, URI, Authorization, X-Request-Id, Accept-Language), is ready, and has an OpenAPI
 * document. The survey route points at a closed port, to see how the gateway treats a service that is down.
 */
public class StubBackendResource implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", StubBackendResource::echo);
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            return Map.of(
                    "gateway.services.customer.url", url,
                    "gateway.services.application-contract.url", url,
                    "gateway.services.feedback.url", url,
                    "gateway.services.survey.url", "http://127.0.0.1:" + closed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void echo(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        if (path.equals("/q/health/ready")) {
            body = "{\"status\":\"UP\"}";
        } else if (path.equals("/q/openapi")) {
            body = "{\"openapi\":\"3.1.0\",\"query\":\"" + exchange.getRequestURI().getQuery() + "\"}";
        } else {
            body = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"uri\":\"" + exchange.getRequestURI()
                    + "\",\"authorization\":\"" + header(exchange, "Authorization")
                    + "\",\"requestId\":\"" + header(exchange, "X-Request-Id")
                    + "\",\"acceptLanguage\":\"" + header(exchange, "Accept-Language") + "\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
