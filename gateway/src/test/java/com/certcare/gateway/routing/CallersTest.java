package com.certcare.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

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

    @Test
    void addressesAreComparedAsAddressesNotAsText() {
        Callers ipv6 = new Callers(List.of("::1", "::ffff:10.0.0.5", "FE80::1"));
        assertTrue(ipv6.trusts("0:0:0:0:0:0:0:1")); // how Java (and so Vert.x) writes the peer
        assertTrue(ipv6.trusts("[::1]"));
        assertTrue(ipv6.trusts("10.0.0.5")); // the IPv4-mapped entry is that IPv4 address
        assertTrue(ipv6.trusts("fe80:0:0:0:0:0:0:1%eth0")); // a peer with its zone, as Java writes it
        assertFalse(ipv6.trusts("::2"));
        assertFalse(ipv6.trusts("unknown"));
        // a hop written the short way is still recognised as the proxy it is
        assertEquals("203.0.113.9", ipv6.clientOf("0:0:0:0:0:0:0:1", "203.0.113.9, ::1"));
        assertTrue(callers.trusts("::ffff:127.0.0.1"));
    }

    @Test
    void aRangeTrustsEveryAddressInIt() {
        Callers ranges = new Callers(List.of("10.0.0.0/8", "172.16.0.0/12", "fd00::/8", " 192.0.2.7/32 ",
                "2001:db8:8000::/33", "::ffff:198.51.100.0/120"));
        assertTrue(ranges.trusts("10.255.0.1"));
        assertFalse(ranges.trusts("11.0.0.1"));
        assertTrue(ranges.trusts("172.31.255.255")); // /12 ends inside the second byte
        assertFalse(ranges.trusts("172.32.0.0"));
        assertFalse(ranges.trusts("172.15.255.255"));
        assertTrue(ranges.trusts("fd12:3456::1"));
        assertFalse(ranges.trusts("fe80::1"));
        assertTrue(ranges.trusts("192.0.2.7"));
        assertFalse(ranges.trusts("192.0.2.8"));
        assertTrue(ranges.trusts("2001:db8:ffff::1")); // /33 ends inside the fifth byte
        assertFalse(ranges.trusts("2001:db8:7fff::1"));
        assertTrue(ranges.trusts("198.51.100.77")); // the mapped /120 is the IPv4 /24
        assertFalse(ranges.trusts("198.51.101.1"));
        assertFalse(ranges.trusts("::1")); // an IPv4 range holds no IPv6 address
    }

    @Test
    void theClientKeyIsTheAddressWrittenOneWay() {
        Callers proxies = new Callers(List.of("127.0.0.1", "::1"));
        // a port after the address (some proxies write one) and another spelling are the same client
        assertEquals("192.0.2.7", proxies.clientOf("127.0.0.1", "192.0.2.7:5678"));
        assertEquals("2001:db8::/64", proxies.clientOf("127.0.0.1", "[2001:DB8:0::1]:443"));
        assertEquals("2001:db8::/64", proxies.clientOf("127.0.0.1", "2001:db8:0:0:0:0:0:1"));
        // and a proxy that writes its own address with a port is still the proxy
        assertEquals("192.0.2.7", proxies.clientOf("127.0.0.1", "192.0.2.7, 127.0.0.1:80, [::1]:8080"));
        // not an address: a name the proxy chose, one client by that name
        assertEquals("unknown", proxies.clientOf("127.0.0.1", "unknown"));
        assertEquals("_hidden", proxies.clientOf("127.0.0.1", "192.0.2.7, _hidden"));
        // nothing a proxy passes on makes the count fail: whatever is no address is a client by that name
        for (String hop : List.of("[", "[]", "[]:80", ":", "::::", "1.2.3.4:", ":80", "[::1", "1.2.3.4:x", "%", "[%]:1",
                "1.2.3.4.5", "x".repeat(10_000), "2001:db8::1%eth0")) {
            String client = proxies.clientOf("127.0.0.1", hop);
            assertFalse(client.isEmpty(), hop);
        }
    }

    @Test
    void anIpv6ClientCountsAsItsNetwork() {
        Callers proxies = new Callers(List.of("127.0.0.1"));
        // a host picks its addresses in its /64 at will: every one of them is the same client
        assertEquals("2001:db8:1:2::/64", proxies.clientOf("127.0.0.1", "2001:db8:1:2:aaaa::1"));
        assertEquals("2001:db8:1:2::/64", proxies.clientOf("127.0.0.1", "2001:db8:1:2:bbbb:cccc:dddd:eeee"));
        assertEquals("2001:db8:1:3::/64", proxies.clientOf("127.0.0.1", "2001:db8:1:3::1"));
        // the same for a caller straight at the gateway
        assertEquals("2001:db8:1:2::/64", proxies.clientOf("2001:db8:1:2:0:0:0:9", null));
        assertEquals("203.0.113.9", proxies.clientOf("203.0.113.9", null));
    }

    @Test
    void anEntryThatWouldNotMeanWhatItSeemsStopsTheStart() {
        for (String entry : List.of("nginx", "localhost", "10.0.0.0/33", "10.0.0.0/x", "10.0.0.0/", "::1/129", "",
                "10.0.0.256", "*", "0.0.0.0/0", "::/0", "10.0.0.0/-0", "10.0.0.0/+8", "010.0.0.5", "10.0.0.05",
                "fe80::1%eth0", "::10.0.0.5", "::ffff:10.0.0.0/96")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new Callers(List.of(entry)), entry);
            assertTrue(refused.getMessage().startsWith("gateway.trusted-proxies: \"" + entry + "\""),
                    refused.getMessage());
        }
        // IPv6's groups may be written with leading zeros
        assertTrue(new Callers(List.of("2001:0db8:0000::0001")).trusts("2001:db8::1"));
    }

    @Test
    void aRangeWithHostBitsIsRefusedSayingWhatWasMeant() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Callers(List.of("10.0.0.5/8")));
        assertEquals("gateway.trusted-proxies: \"10.0.0.5/8\" has host bits set: write the range's first address "
                + "(10.0.0.0/8), or the one address with /32", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Callers(List.of("fd00::1/8")));
    }

    @Test
    void theOldEnvironmentKeyStopsTheStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new Callers(List.of("10.0.0.5"), Map.of("GATEWAY_PUBLIC_RATE_TRUSTED_PROXIES", "10.0.0.5")));
        assertTrue(refused.getMessage().contains("GATEWAY_TRUSTED_PROXIES"), refused.getMessage());
        assertTrue(new Callers(List.of("10.0.0.5"), Map.of("GATEWAY_TRUSTED_PROXIES", "10.0.0.5")).trusts("10.0.0.5"));
    }
}
