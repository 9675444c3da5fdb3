package com.certcare.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The token of an Authorization header, as the services' cached mechanism and the gateway's front server read it. */
class BearerTokenTest {

    @Test
    void theSchemeInAnyCaseThenTheTokenTrimmed() {
        assertEquals("abc.def.ghi", VerifiedTokens.bearerToken("Bearer abc.def.ghi"));
        assertEquals("abc.def.ghi", VerifiedTokens.bearerToken("bearer abc.def.ghi"));
        assertEquals("abc.def.ghi", VerifiedTokens.bearerToken("BEARER   abc.def.ghi  "));
    }

    @Test
    void noTokenWithoutTheBearerSchemeOrWithoutAToken() {
        assertNull(VerifiedTokens.bearerToken(null));
        assertNull(VerifiedTokens.bearerToken(""));
        assertNull(VerifiedTokens.bearerToken("Bearer"));
        assertNull(VerifiedTokens.bearerToken("Bearer "));
        assertNull(VerifiedTokens.bearerToken("Bearer    "));
        assertNull(VerifiedTokens.bearerToken("Basic bWVpOnB3"));
        assertNull(VerifiedTokens.bearerToken("Bearerabc"));
    }
}
