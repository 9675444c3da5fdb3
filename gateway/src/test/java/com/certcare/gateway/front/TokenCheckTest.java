package com.certcare.gateway.front;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;

/**
 * A token that fails verification is a 401; a verification that could not be done (the provider or its keys
 * unreachable) is a 503 to try again, not a sign-out the SPA would act on.
 */
class TokenCheckTest {

    @Test
    void aTokenRefusedByTheProviderIsInvalid() {
        assertEquals(TokenCheck.Verdict.INVALID, TokenCheck.refused(new AuthenticationFailedException("bad signature")));
    }

    @Test
    void aVerificationThatFailedOtherwiseIsUnavailable() {
        assertEquals(TokenCheck.Verdict.UNAVAILABLE, TokenCheck.refused(new IllegalStateException("keys unreachable")));
        assertEquals(TokenCheck.Verdict.UNAVAILABLE, TokenCheck.refused(new java.net.ConnectException("refused")));
    }
}
