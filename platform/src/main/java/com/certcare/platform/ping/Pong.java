package com.certcare.platform.ping;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * What a service's role-protected ping answers: who it is and whom it saw. Proves the token was
 * verified and the roles mapped.
 */
public record Pong(String service, String user, Set<String> roles, Instant time) {

    public static Pong of(String service, SecurityIdentity identity) {
        return new Pong(service, identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()),
                Instant.now());
    }
}
