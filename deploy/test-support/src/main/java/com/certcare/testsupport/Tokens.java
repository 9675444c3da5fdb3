package com.certcare.testsupport;

import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Signed access tokens from the WireMock OIDC server ({@link OidcWiremockTestResource}), as a service
 * verifies real Keycloak tokens: roles travel in the {@code groups} claim.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String forUser(String user, String... roles) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(roles));
    }

    /**
     * A properly signed token of the same realm, issued for another audience (as Keycloak's admin-cli or
     * account clients would get): the API must refuse it.
     */
    public static String forAudience(String audience, String user, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(user, Set.of(roles), "123456", "Bearer", Set.of(audience));
    }

    /** A token whose signature no longer matches its content. */
    public static String forged(String user, String... roles) {
        String token = forUser(user, roles);
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        parts[2] = parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);
        return String.join(".", parts);
    }
}
