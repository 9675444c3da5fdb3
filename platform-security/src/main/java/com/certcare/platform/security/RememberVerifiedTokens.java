package com.certcare.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs last after the OIDC provider verified a bearer token: remembers the token with the finished
 * identity, minus the request it came with. The remembered identity is built from the parts (principal,
 * roles, credentials, attributes other than the routing context), not with
 * {@code QuarkusSecurityIdentity.builder(identity)}: that builder keeps a permission checker calling the
 * original identity, whose attributes hold the first request's routing context - and with it that request's
 * whole answer (a page of customers: about 76 KB a token, measured), kept for as long as the token is
 * remembered. Permissions: the OIDC provider grants the token's {@code scope} values as permissions; they are
 * granted again from the token's claim (space-separated, as Keycloak issues it), and nothing else is: no other
 * permission checker is kept, so one an augmentor adds works on a token's first request only - CertCare
 * authorises by role, and an {@code @PermissionsAllowed} resting on such a checker would need this changed.
 */
@ApplicationScoped
public class RememberVerifiedTokens implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    RememberVerifiedTokens(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE; // after every other augmentor: cache what the request finally got
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        remember(identity);
        return Uni.createFrom().item(identity);
    }

    /**
     * Remembers the token of an identity the OIDC provider verified; for a caller that verifies tokens itself (the
     * gateway's front server, through quarkus-oidc's TenantIdentityProvider, which runs no augmentor).
     */
    public void remember(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            tokens.remember(credential.getToken(), withoutRequest(identity), jwt.getExpirationTime());
        }
    }

    static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder reusable = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .setAnonymous(identity.isAnonymous());
        identity.getAttributes().forEach((name, value) -> {
            if (!(value instanceof RoutingContext)) {
                reusable.addAttribute(name, value);
            }
        });
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object scope = jwt.getClaim("scope");
            String scopes = scope instanceof JsonString json ? json.getString() : scope instanceof String text ? text : "";
            for (String one : scopes.trim().split("\\s+")) {
                if (!one.isEmpty()) {
                    reusable.addPermissionAsString(one);
                }
            }
        }
        return reusable.build();
    }
}
