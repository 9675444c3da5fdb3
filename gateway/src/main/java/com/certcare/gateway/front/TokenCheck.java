package com.certcare.gateway.front;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.platform.security.RememberVerifiedTokens;
import com.certcare.platform.security.VerifiedTokens;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

/**
 * Whether a bearer token is valid: one verified before and unexpired is recognised at once ({@link VerifiedTokens});
 * any other is verified by quarkus-oidc against the realm's keys (signature, issuer, audience, expiry; no call to
 * Keycloak for a forged one) and, if valid, remembered. Roles are the services' to check.
 */
@ApplicationScoped
class TokenCheck {

    private final VerifiedTokens verified;
    private final RememberVerifiedTokens remember;
    private final TenantIdentityProvider oidc;

    TokenCheck(VerifiedTokens verified, RememberVerifiedTokens remember, TenantIdentityProvider oidc) {
        this.verified = verified;
        this.remember = remember;
        this.oidc = oidc;
    }

    /**
     * Tells {@code then} whether {@code authorization} (the request's header, may be null) carries a valid token: at
     * once when it is known or missing, else on the calling Vert.x context once verified.
     */
    void check(String authorization, Handler<Boolean> then) {
        String token = VerifiedTokens.bearerToken(authorization);
        if (token == null) {
            then.handle(false);
            return;
        }
        if (verified.lookup(token) != null) {
            then.handle(true);
            return;
        }
        Context context = Vertx.currentContext();
        oidc.authenticate(new AccessTokenCredential(token)).subscribe().with(identity -> {
            boolean valid = identity != null && !identity.isAnonymous();
            if (valid) {
                remember.remember(identity);
            }
            context.runOnContext(v -> then.handle(valid));
        }, failure -> context.runOnContext(v -> then.handle(false)));
    }
}
