package com.certcare.platform.web;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;

import io.vertx.core.http.HttpServerRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.certcare.platform.problem.ProblemException;

/**
 * A JSON body is small: beyond {@code certcare.http.max-body-size} (1 MB) it is refused with 413 before it is
 * read, except on the paths that take files ({@code certcare.http.large-body-paths}, e.g. the ledger import,
 * bounded by {@code quarkus.http.limits.max-body-size}). A listed path covers what lies beneath it; a {@code *} in it
 * stands for exactly one path segment ({@code /api/documents/*&#47;versions}: each document's upload, and no other
 * path under {@code /api/documents}). A body sent without Content-Length is bounded by the latter only.
 */
public class BodyLimits {

    private final long maxBytes;
    private final List<String> largeBodyPaths;

    BodyLimits(@ConfigProperty(name = "certcare.http.max-body-size", defaultValue = "1048576") long maxBytes,
            @ConfigProperty(name = "certcare.http.large-body-paths") Optional<List<String>> largeBodyPaths) {
        this.maxBytes = maxBytes;
        this.largeBodyPaths = largeBodyPaths.orElse(List.of());
    }

    @ServerRequestFilter(preMatching = true)
    void check(ContainerRequestContext request, HttpServerRequest http) {
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return; // the HTTP layer refuses a malformed length itself
        }
        if (bytes <= maxBytes) {
            return;
        }
        String path = request.getUriInfo().getPath();
        for (String prefix : largeBodyPaths) {
            if (covers(prefix, path)) {
                return;
            }
        }
        discardBody(http);
        throw new ProblemException(413, "body-too-large", maxBytes / 1024);
    }

    /**
     * Reads what the caller still sends and throws it away, and closes the connection after the answer. Closed
     * with the body unread, the socket would be reset, and a caller (the gateway) still sending would often lose
     * the 413 and see a broken connection (502 through the gateway, 2 of 6 times for a 10 MB body). The body is
     * still bounded by {@code quarkus.http.limits.max-body-size}.
     */
    public static void discardBody(HttpServerRequest http) {
        if (http == null || http.isEnded()) {
            return;
        }
        http.response().putHeader("Connection", "close");
        http.handler(chunk -> {
        });
        http.exceptionHandler(e -> {
        });
        http.resume();
    }

    /** Whether {@code path} is {@code listed} or lies beneath it, each {@code *} of {@code listed} matching one segment. */
    static boolean covers(String listed, String path) {
        if (!listed.contains("*")) {
            return path.equals(listed) || path.startsWith(listed + "/");
        }
        String[] want = listed.split("/", -1);
        String[] have = path.split("/", -1);
        if (have.length < want.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (want[i].equals("*") ? have[i].isEmpty() : !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }
}
