package com.certcare.gateway.front;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.vertx.core.http.HttpServerRequest;

/**
 * Every request gets an {@code X-Request-Id} (the caller's if well-formed, else a new one) before anything else, so
 * the gateway's and the services' log lines of one request share it and every answer carries it, the gateway's own
 * refusals (403, 414, 429, 401, 404) too.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    /** The request's id; a new one replaces a missing or malformed one in the request's headers. */
    static String assign(HttpServerRequest request) {
        String id = request.getHeader(HEADER);
        if (!wellFormed(id)) {
            // a random id for correlation, not a secret: no need for SecureRandom's lock on every request
            ThreadLocalRandom random = ThreadLocalRandom.current();
            id = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
                    random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
            request.headers().set(HEADER, id);
        }
        return id;
    }

    /** 1-64 characters of [A-Za-z0-9._-] (checked by hand: a regular expression cost more than the rest). */
    static boolean wellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
