package com.certcare.gateway.front;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.certcare.platform.security.RememberVerifiedTokens;
import com.certcare.platform.security.VerifiedTokens;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
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

    private static final Logger LOG = Logger.getLogger(TokenCheck.class);

    enum Verdict {
        VALID,
        /** Missing, malformed, forged, expired, or for another audience: 401. */
        INVALID,
        /**
         * Could not be verified now (quarkus-oidc failed otherwise than by refusing the token, e.g. its tenant not set
         * up while Keycloak is unreachable): 503, try again. A key it cannot fetch is a refusal (401).
         */
        UNAVAILABLE
    }

    private final VerifiedTokens verified;
    private final RememberVerifiedTokens remember;
    private final TenantIdentityProvider oidc;

    TokenCheck(VerifiedTokens verified, RememberVerifiedTokens remember, TenantIdentityProvider oidc) {
        this.verified = verified;
        this.remember = remember;
        this.oidc = oidc;
    }

    /**
     * Tells {@code then} what {@code authorization} (the request's header, may be null) carries: at once when the
     * token is known or missing, else on the calling Vert.x context once verified. {@code then} is told exactly once.
     */
    void check(String authorization, Handler<Verdict> then) {
        String token = VerifiedTokens.bearerToken(authorization);
        if (token == null) {
            then.handle(Verdict.INVALID);
            return;
        }
        if (verified.lookup(token) != null) {
            then.handle(Verdict.VALID);
            return;
        }
        Context context = Vertx.currentContext();
        try {
            oidc.authenticate(new AccessTokenCredential(token)).subscribe().with(
                    identity -> context.runOnContext(v -> then.handle(accepted(identity))),
                    failure -> context.runOnContext(v -> then.handle(refused(failure))));
        } catch (RuntimeException e) {
            then.handle(refused(e));
        }
    }

    private Verdict accepted(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Verdict.INVALID;
        }
        try {
            remember.remember(identity);
        } catch (RuntimeException e) { // valid all the same; verified again next time
            LOG.warnf(e, "a verified token could not be remembered");
        }
        return Verdict.VALID;
    }

    static Verdict refused(Throwable failure) {
        if (failure instanceof AuthenticationFailedException) {
            return Verdict.INVALID;
        }
        LOG.warnf("a token could not be verified: %s", failure.toString());
        return Verdict.UNAVAILABLE;
    }
}
