package com.certcare.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The token cache keeps what later requests need and nothing of the request that brought the token: before, every
 * remembered token held its first request (routing context, answer and all) through a permission checker.
 */
class RememberVerifiedTokensTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZWkifQ.signature";

    /** The cache tests' clock, the identity their tokens stand for, and the time they start at (epoch seconds). */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));
    private final SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(jwt("mei", 0)).build();
    private final long now = clock.instant().getEpochSecond();

    @Test
    void theRememberedIdentityKeepsNothingOfTheFirstRequest() throws InterruptedException {
        VerifiedTokens tokens = new VerifiedTokens(100, Clock.systemUTC());
        long expires = Instant.now().plusSeconds(300).getEpochSecond();
        WeakReference<?>[] firstRequest = verifyOnce(new RememberVerifiedTokens(tokens), expires);

        for (int i = 0; i < 50 && (firstRequest[0].get() != null || firstRequest[1].get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(firstRequest[0].get(), "the remembered identity still reaches the first request's routing context");
        assertNull(firstRequest[1].get(), "the remembered identity still reaches the identity it was copied from");

        SecurityIdentity remembered = tokens.lookup(TOKEN);
        assertNotNull(remembered);
        assertEquals("mei", remembered.getPrincipal().getName());
        assertEquals(expires, ((JsonWebToken) remembered.getPrincipal()).getExpirationTime());
        assertTrue(remembered.hasRole("market"));
        assertTrue(remembered.hasRole("added-by-an-augmentor"));
        assertEquals(TOKEN, remembered.getCredential(AccessTokenCredential.class).getToken());
        assertEquals("certcare", remembered.getAttribute("tenant-id"));
        assertNull(remembered.getAttribute(RoutingContext.class.getName()));
        assertFalse(remembered.isAnonymous());
        assertTrue(remembered.checkPermission(new StringPermission("profile")).await().indefinitely(),
                "the token's scopes are its permissions, as the OIDC provider grants them");
        assertFalse(remembered.checkPermission(new StringPermission("anything")).await().indefinitely(),
                "no other permission checker is kept (CertCare authorises by role)");
    }

    /** As the OIDC provider and an augmentor leave it: the request in the attributes, a permission checker. */
    private static WeakReference<?>[] verifyOnce(RememberVerifiedTokens remember, long expires) {
        RoutingContext request = (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] { RoutingContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "the first request";
                    default -> null;
                });
        SecurityIdentity verified = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt("mei", expires))
                .addRole("market")
                .addCredential(new AccessTokenCredential(TOKEN))
                .addAttribute(RoutingContext.class.getName(), request)
                .addAttribute("tenant-id", "certcare")
                .addPermissionsAsString(Set.of("openid", "profile"))
                .addPermissionChecker(permission -> Uni.createFrom().item(true))
                .build();
        SecurityIdentity augmented = QuarkusSecurityIdentity.builder(verified).addRole("added-by-an-augmentor").build();
        SecurityIdentity answered = remember.augment(augmented, null).await().indefinitely();
        assertTrue(answered == augmented, "the request itself goes on with the identity it had");
        return new WeakReference<?>[] { new WeakReference<>(request), new WeakReference<>(verified) };
    }

    @Test
    void expiredTokensGoWithinAMinuteNotOnlyWhenTheCacheIsFull() {
        VerifiedTokens tokens = new VerifiedTokens(10_000, clock);
        tokens.remember("first", identity, now + 300);
        tokens.remember("second", identity, now + 300);

        clock.advance(Duration.ofSeconds(301));
        tokens.remember("third", identity, now + 301 + 300);
        assertEquals(1, tokens.size(), "the two expired tokens were swept out");
        assertNotNull(tokens.lookup("third"));

        clock.advance(Duration.ofSeconds(30));
        tokens.remember("fourth", identity, now + 331 + 5);
        clock.advance(Duration.ofSeconds(10));
        tokens.remember("fifth", identity, now + 341 + 300);
        assertEquals(3, tokens.size(), "at most one sweep a minute");
        assertNull(tokens.lookup("fourth"), "an expired token is never answered, swept or not");
    }

    @Test
    void aFullCacheKeepsTheTokensItHasAndDoesNotTakeNewOnes() {
        VerifiedTokens tokens = new VerifiedTokens(3, clock);
        tokens.remember("mei's", identity, now + 300);
        tokens.remember("flood 1", identity, now + 300);
        tokens.remember("flood 2", identity, now + 300);
        tokens.remember("flood 3", identity, now + 300);
        assertEquals(3, tokens.size());
        assertNotNull(tokens.lookup("mei's"), "a full cache was emptied by new tokens");
        assertNull(tokens.lookup("flood 3"), "beyond the bound a token is verified each time, not remembered");

        clock.advance(Duration.ofSeconds(301));
        tokens.remember("later", identity, now + 301 + 300);
        assertNotNull(tokens.lookup("later"), "once the others expired there was room again");
        assertEquals(1, tokens.size());
    }

    private static JsonWebToken jwt(String name, long expires) {
        return (JsonWebToken) Proxy.newProxyInstance(JsonWebToken.class.getClassLoader(),
                new Class<?>[] { JsonWebToken.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getExpirationTime" -> expires;
                    case "getClaim" -> "scope".equals(args[0]) ? "openid profile" : null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "jwt of " + name;
                    default -> null;
                });
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
