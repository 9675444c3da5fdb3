package com.certcare.gateway.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;

/**
 * Who is calling. A caller at one of {@code gateway.trusted-proxies} (nginx, the web app's server) is a reverse proxy
 * speaking for someone else: its X-Forwarded-* headers are believed. From anyone else they are not, so a caller cannot
 * pass itself off as another address (to slip past the public rate limit) or another site. One rule for the proxy
 * ({@link BackendProxy}, what the services are told) and the rate limit (which client a request counts against).
 * <p>
 * Each entry is an IP address or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}); addresses are compared as
 * addresses, not as text ({@code ::1} is {@code 0:0:0:0:0:0:0:1}, {@code ::ffff:10.0.0.5} is {@code 10.0.0.5}). A
 * host name or anything else stops the start: it would never match, and the proxy's callers would all count as one.
 */
@Singleton
public class Callers {

    /** The key this list had until 2026-12-05; SmallRye Config reports it as unknown from a file or -D, not from the environment. */
    static final String OLD_ENVIRONMENT_KEY = "GATEWAY_PUBLIC_RATE_TRUSTED_PROXIES";

    private final List<Range> trustedProxies;

    @Inject
    Callers(GatewayConfig config) {
        this(config.trustedProxies());
        refuseOldKey(System.getenv());
    }

    Callers(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            ranges.add(Range.parse(entry.trim()));
        }
        this.trustedProxies = List.copyOf(ranges);
    }

    /** Stops the start when the environment still sets the list under its old name, which nothing reads any more. */
    static void refuseOldKey(Map<String, String> environment) {
        if (environment.containsKey(OLD_ENVIRONMENT_KEY)) {
            throw new IllegalStateException(OLD_ENVIRONMENT_KEY + " is no longer read: the trusted proxies are "
                    + "GATEWAY_TRUSTED_PROXIES (gateway.trusted-proxies) now");
        }
    }

    /** The address of the caller at the other end of the connection, or null if Vert.x does not know it. */
    public static String peer(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    /** Whether a caller at this address (null: unknown) is a trusted proxy, whose X-Forwarded-* headers are believed. */
    public boolean trusts(String peer) {
        if (peer == null) {
            return false;
        }
        byte[] address = Range.bytes(peer);
        if (address == null) {
            return false; // not an address ("unknown", a name a proxy forwarded): no proxy of ours
        }
        for (Range range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Every X-Forwarded-For line of the request as one list ("a, b, c"), or null if it has none. */
    public static String forwardedFor(HttpServerRequest request) {
        List<String> lines = request.headers().getAll("X-Forwarded-For");
        return lines.isEmpty() ? null : lines.size() == 1 ? lines.get(0) : String.join(", ", lines);
    }

    /** The client a request counts against: its peer; behind a trusted proxy, the last forwarded address that is not a proxy. */
    public String clientOf(HttpServerRequest request) {
        String peer = peer(request);
        return clientOf(peer == null ? "unknown" : peer, forwardedFor(request));
    }

    /** {@link #clientOf(HttpServerRequest)} of a peer and the X-Forwarded-For it sent (null: none). */
    String clientOf(String peer, String forwardedFor) {
        if (forwardedFor == null || !trusts(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusts(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** An address or a CIDR range, as bytes: IPv4 as 4, IPv6 as 16 (an IPv4-mapped IPv6 address as its IPv4 4). */
    private record Range(byte[] network, int prefixBits) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            byte[] network = bytes(slash < 0 ? entry : entry.substring(0, slash));
            if (network == null) {
                throw invalid(entry);
            }
            int bits = network.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw invalid(entry);
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw invalid(entry);
                }
            }
            return new Range(network, bits);
        }

        /** The address's bytes, or null if the text is not an IP address (never a DNS lookup). */
        static byte[] bytes(String text) {
            String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
            byte[] address = NetUtil.createByteArrayFromIpAddressString(literal);
            if (address != null && address.length == 16 && isIpv4Mapped(address)) {
                return Arrays.copyOfRange(address, 12, 16);
            }
            return address;
        }

        private static boolean isIpv4Mapped(byte[] address) {
            for (int i = 0; i < 10; i++) {
                if (address[i] != 0) {
                    return false;
                }
            }
            return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }

        private static IllegalArgumentException invalid(String entry) {
            return new IllegalArgumentException("gateway.trusted-proxies: \"" + entry + "\" is neither an IP address "
                    + "nor a CIDR range (192.0.2.7, 10.0.0.0/8, ::1, fd00::/8)");
        }
    }
}
