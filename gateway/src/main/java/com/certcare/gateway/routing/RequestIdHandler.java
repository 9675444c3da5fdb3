package com.certcare.gateway.routing;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an {@code X-Request-Id} (the caller's if well-formed, else a new one), first of all filters, so
 * the gateway's and the services' log lines of one request share it and every answer carries it, the gateway's own
 * refusals (414, 429, 401, 404) too.
 */
@ApplicationScoped
public class RequestIdHandler implements Handler<RoutingContext> {

    static final String HEADER = "X-Request-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(this, FilterOrder.REQUEST_ID);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER);
        if (id == null || !WELL_FORMED.matcher(id).matches()) {
            // a random id for correlation, not a secret: no need for SecureRandom's lock on every request
            ThreadLocalRandom random = ThreadLocalRandom.current();
            id = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
                    random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
            ctx.request().headers().set(HEADER, id);
        }
        String assigned = id;
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, assigned));
        ctx.next();
    }
}
