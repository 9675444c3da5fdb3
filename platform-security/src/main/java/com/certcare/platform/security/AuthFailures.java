package com.certcare.platform.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * What the HTTP security layer's failure means to the caller: 401 (no, forged, expired or foreign token),
 * 403 (a policy refused the identity), or 0 when it is not a security failure. The gateway and every service
 * answer both with a problem+json body.
 */
public final class AuthFailures {

    private AuthFailures() {
    }

    public static int status(Throwable failure) {
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            return 401;
        }
        return failure instanceof ForbiddenException ? 403 : 0;
    }
}
