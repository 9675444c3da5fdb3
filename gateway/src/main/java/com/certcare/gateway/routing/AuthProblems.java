package com.certcare.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;

/**
 * 401 and 403 answers of the gateway carry a problem+json body like every other error (Quarkus's own
 * answer is an empty body): a missing, forged or expired token on {@code /api/**}.
 */
@ApplicationScoped
public class AuthProblems {

    void install(@Observes Router router) {
        router.route().failureHandler(ctx -> {
            Throwable failure = ctx.failure();
            if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                    || failure instanceof AuthenticationCompletionException) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                GatewayProblem.UNAUTHORIZED.send(ctx.request(), null);
            } else if (failure instanceof ForbiddenException) {
                GatewayProblem.FORBIDDEN.send(ctx.request(), null);
            } else {
                ctx.next();
            }
        });
    }
}
