package com.certcare.gateway;

import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * A stand-in for the services behind the gateway, on its own Vert.x: it answers every path with what it
 * received (method, URI, Authorization, X-Request-Id, Accept-Language, the body's length and SHA-256),
 * is ready, and has an OpenAPI document. Paths that misbehave: {@code /api/customers/stall} never answers,
 * {@code /api/customers/slow?ms=N} answers after N ms, {@code /api/customers/big?mb=N} streams N MiB in
 * small pieces. {@code /stub/connections} (asked directly, not through the gateway) tells how many
 * connections to the stub are open and how many requests are still unanswered. The survey route points at
 * a closed port, to see how the gateway treats a service that is down.
 */
public class StubBackendResource implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .connectionHandler(conn -> {
                    open.incrementAndGet();
                    conn.closeHandler(v -> open.decrementAndGet());
                })
                .requestHandler(this::handle);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String url = "http://127.0.0.1:" + server.actualPort();
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            return Map.of(
                    "stub.url", url,
                    "gateway.services.customer.url", url,
                    "gateway.services.application-contract.url", url,
                    "gateway.services.feedback.url", url,
                    "gateway.services.survey.url", "http://127.0.0.1:" + closed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpServerRequest req) {
        String path = req.path();
        if (path.equals("/stub/connections")) {
            // this request's own connection is not counted
            // closed after the answer, so polling it leaves no connection behind
            req.response().putHeader("Connection", "close").end(new JsonObject().put("open", open.get() - 1).put("pending", pending.get()).encode());
            return;
        }
        if (path.equals("/q/health/ready")) {
            req.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            return;
        }
        if (path.equals("/q/openapi")) {
            req.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("openapi", "3.1.0").put("query", req.query()).encode());
            return;
        }
        pending.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable finished = () -> {
            if (done.compareAndSet(false, true)) {
                pending.decrementAndGet();
            }
        };
        req.response().closeHandler(v -> finished.run());
        req.response().endHandler(v -> finished.run());
        if (path.equals("/api/customers/stall")) {
            return; // never answers
        }
        if (path.equals("/api/customers/big")) {
            int mb = Integer.parseInt(req.getParam("mb", "4"));
            req.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
            sendPieces(req, mb * 16);
            return;
        }
        long delay = Long.parseLong(req.getParam("ms", "0"));
        req.body().onSuccess(body -> {
            Runnable answer = () -> echo(req, body);
            if (delay > 0) {
                vertx.setTimer(delay, t -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    /** 64 KiB at a time, each after the previous one was written, with a pause between. */
    private void sendPieces(HttpServerRequest req, int pieces) {
        if (req.response().closed()) {
            return;
        }
        if (pieces == 0) {
            req.response().end();
            return;
        }
        req.response().write(Buffer.buffer(new byte[64 * 1024])).onSuccess(v -> vertx.setTimer(5,
                t -> sendPieces(req, pieces - 1)));
    }

    private void echo(HttpServerRequest req, Buffer body) {
        if (req.response().closed()) {
            return;
        }
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        JsonObject echo = new JsonObject()
                .put("method", req.method().name())
                .put("uri", req.uri())
                .put("authorization", header(req, "Authorization"))
                .put("requestId", header(req, "X-Request-Id"))
                .put("acceptLanguage", header(req, "Accept-Language"))
                .put("forwardedFor", header(req, "X-Forwarded-For"))
                .put("forwardedHost", header(req, "X-Forwarded-Host"))
                .put("forwardedProto", header(req, "X-Forwarded-Proto"))
                .put("forwarded", header(req, "Forwarded"))
                .put("forwardedSsl", header(req, "X-Forwarded-Ssl"))
                .put("forwardedServer", header(req, "X-Forwarded-Server"))
                .put("transferEncoding", header(req, "Transfer-Encoding"))
                .put("contentLength", header(req, "Content-Length"))
                .put("bodyLength", body.length())
                .put("bodySha256", sha);
        req.response().putHeader("Content-Type", "application/json").end(echo.encode());
    }

    private static String header(HttpServerRequest req, String name) {
        String value = req.getHeader(name);
        return value == null ? "" : value;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
