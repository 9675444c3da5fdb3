package com.certcare.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which client a request counts against, from its peer and the X-Forwarded-For it sent. */
class CallersTest {

    private final Callers callers = new Callers(List.of("127.0.0.1", "10.0.0.5"));

    @Test
    void behindATrustedProxyTheClientIsTheLastForwardedAddressThatIsNoProxy() {
        assertEquals("203.0.113.9", callers.clientOf("127.0.0.1", "203.0.113.9"));
        // a chain of two proxies in front of the gateway; a client's own claim further left is not believed
        assertEquals("198.51.100.4", callers.clientOf("127.0.0.1", "192.0.2.1, 198.51.100.4, 10.0.0.5"));
        assertEquals("198.51.100.4", callers.clientOf("127.0.0.1", " 198.51.100.4 ,, "));
    }

    @Test
    void onlyTheListedAddressesAreTrusted() {
        assertTrue(callers.trusts("10.0.0.5"));
        assertFalse(callers.trusts("10.0.0.50"));
        assertFalse(callers.trusts(null)); // Vert.x did not know the caller's address
    }

    @Test
    void aCallerThatIsNoProxyIsItself() {
        assertEquals("192.0.2.8", callers.clientOf("192.0.2.8", "203.0.113.9"));
        assertEquals("192.0.2.8", callers.clientOf("192.0.2.8", null));
    }

    @Test
    void aProxyForwardingOnlyProxiesOrNothingIsItself() {
        assertEquals("127.0.0.1", callers.clientOf("127.0.0.1", null));
        assertEquals("127.0.0.1", callers.clientOf("127.0.0.1", "10.0.0.5, 127.0.0.1"));
        assertEquals("127.0.0.1", callers.clientOf("127.0.0.1", " , "));
    }
}
