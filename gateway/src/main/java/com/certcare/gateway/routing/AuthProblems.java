package com.certcare.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.certcare.platform.security.AuthFailures;

import io.vertx.ext.web.Router;

/**
 * 401 and 403 answers of the gateway carry a problem+json body like every other error (Quarkus's own
 * answer is an empty body): a missing, forged or expired token on {@code /api/**}.
 */
@ApplicationScoped
public class AuthProblems {

    void install(@Observes Router router) {
        router.route().failureHandler(ctx -> {
            switch (AuthFailures.status(ctx.failure())) {
                case 401 -> {
                    ctx.response().putHeader("WWW-Authenticate", "Bearer");
                    GatewayProblem.UNAUTHORIZED.send(ctx.request(), null);
                }
                case 403 -> GatewayProblem.FORBIDDEN.send(ctx.request(), null);
                default -> ctx.next();
            }
        });
    }
}
