package com.certcare.platform.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Bearer tokens this process has verified, with the identity they gave, until they expire. Verifying a
 * token (parsing, RSA signature, claims) was a third of customer-service's CPU per request; a browser
 * sends the same token for minutes. Only a token that passed full verification gets in (through
 * {@link RememberVerifiedTokens}); the exact same string must come back to be recognised, and it is
 * forgotten at its {@code exp}: expired entries are swept out at most once a minute when a token is
 * remembered (before, only a full cache swept them, so a day of five-minute tokens stayed in memory).
 * Bounded: at {@code certcare.security.token-cache-size} entries the expired ones go; if that frees nothing, a new
 * token is not remembered (verified on each request until room is made) - the ones remembered stay, so whoever
 * presents a thousand fresh tokens cannot empty everyone else's cache.
 */
@ApplicationScoped
public class VerifiedTokens {

    static final long SWEEP_EVERY_SECONDS = 60;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;
    private volatile long nextSweepSecond;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "certcare.security.token-cache-size", defaultValue = "1000") int maxEntries) {
        this(maxEntries, Clock.systemUTC());
    }

    VerifiedTokens(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.nextSweepSecond = clock.instant().getEpochSecond() + SWEEP_EVERY_SECONDS;
    }

    private static final String BEARER = "bearer ";

    /** The token of an {@code Authorization: Bearer <token>} header (the scheme in any case), or null. */
    public static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** The identity of a token verified before and not yet expired, or null. */
    public SecurityIdentity lookup(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAtSecond <= clock.instant().getEpochSecond()) {
            entries.remove(token, entry);
            return null;
        }
        return entry.identity;
    }

    void remember(String token, SecurityIdentity identity, long expiresAtSecond) {
        if (maxEntries <= 0) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        if (now >= nextSweepSecond || entries.size() >= maxEntries) {
            nextSweepSecond = now + SWEEP_EVERY_SECONDS;
            entries.values().removeIf(e -> e.expiresAtSecond <= now);
        }
        if (entries.size() >= maxEntries) {
            return;
        }
        entries.put(token, new Entry(identity, expiresAtSecond));
    }

    int size() {
        return entries.size();
    }

    private record Entry(SecurityIdentity identity, long expiresAtSecond) {
    }
}
