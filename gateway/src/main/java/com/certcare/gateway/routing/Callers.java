package com.certcare.gateway.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.netty.util.NetUtil;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;

/**
 * Who is calling. A caller at one of {@code gateway.trusted-proxies} (nginx, the web app's server) is a reverse proxy
 * speaking for someone else: its X-Forwarded-* headers are believed. From anyone else they are not, so a caller cannot
 * pass itself off as another address (to slip past the public rate limit) or another site. One rule for the proxy
 * ({@link BackendProxy}, what the services are told) and the rate limit (which client a request counts against).
 * <p>
 * Each entry is an IP address or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}) that holds only proxies: every
 * caller in it may name any client. Addresses are compared as addresses, not as text ({@code ::1} is
 * {@code 0:0:0:0:0:0:0:1}, {@code ::ffff:10.0.0.5} is {@code 10.0.0.5}). What would not mean what it seems stops the
 * start, naming the entry: a host name (never matched: every client behind that proxy would count as one), a range
 * of everything ({@code /0}), a range with host bits ({@code 10.0.0.5/8}: {@code 10.0.0.0/8} or
 * {@code 10.0.0.5/32}?), a zone ({@code fe80::1%eth0}: the zone would be ignored), a leading zero ({@code 010.0.0.5}:
 * octal to some tools) and the IPv4-compatible form {@code ::10.0.0.5}.
 */
@Singleton
@Startup // so a wrong entry stops the start, not the first request
public class Callers {

    /** The key this list had until 2026-12-05; SmallRye Config reports it as unknown from a file or -D, not from the environment. */
    static final String OLD_ENVIRONMENT_KEY = "GATEWAY_PUBLIC_RATE_TRUSTED_PROXIES";

    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,3}");
    /** A leading zero in an IPv4 address's part (IPv6's groups may have them). */
    private static final Pattern LEADING_ZERO = Pattern.compile("(^|[.:])0[0-9]+\\.|\\.0[0-9]+$");

    private final List<Range> trustedProxies;

    @Inject
    Callers(GatewayConfig config) {
        this(config.trustedProxies(), System.getenv());
    }

    /** The list as configured, and the environment the gateway started with (its old key stops the start). */
    Callers(List<String> trustedProxies, Map<String, String> environment) {
        if (environment.containsKey(OLD_ENVIRONMENT_KEY)) {
            throw new IllegalStateException(OLD_ENVIRONMENT_KEY + " is no longer read: the trusted proxies are "
                    + "GATEWAY_TRUSTED_PROXIES (gateway.trusted-proxies) now");
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            ranges.add(Range.parse(entry.trim()));
        }
        this.trustedProxies = List.copyOf(ranges);
    }

    Callers(List<String> trustedProxies) {
        this(trustedProxies, Map.of());
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
        return address != null && trusts(address); // not an address ("unknown"): no proxy of ours
    }

    private boolean trusts(byte[] address) {
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

    /**
     * The client a request counts against: its peer; behind a trusted proxy, the last forwarded address that is not a
     * proxy. An IPv4 address is a client; an IPv6 one counts as its /64 ("2001:db8:1:2::/64"), the network a site's
     * hosts pick addresses in at will (one address per request would otherwise be a new client each time).
     */
    public String clientOf(HttpServerRequest request) {
        String peer = peer(request);
        return clientOf(peer == null ? "unknown" : peer, forwardedFor(request));
    }

    /** {@link #clientOf(HttpServerRequest)} of a peer and the X-Forwarded-For it sent (null: none). */
    String clientOf(String peer, String forwardedFor) {
        if (forwardedFor == null || !trusts(peer)) {
            return client(peer);
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                continue;
            }
            byte[] address = Range.hopBytes(hop);
            if (address == null) {
                return hop; // "unknown", "_hidden": not an address, so no proxy of ours; one client by that name
            }
            if (!trusts(address)) {
                return client(address);
            }
        }
        return client(peer);
    }

    private static String client(String peer) {
        byte[] address = Range.bytes(peer);
        return address == null ? peer : client(address);
    }

    /** One way of writing each client (so one bucket each): an IPv4 address, an IPv6 address's /64. */
    private static String client(byte[] address) {
        if (address.length == 4) {
            return NetUtil.bytesToIpAddress(address);
        }
        byte[] network = Arrays.copyOf(address, 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        return NetUtil.bytesToIpAddress(network) + "/64";
    }

    /** An address or a CIDR range, as bytes: IPv4 as 4, IPv6 as 16 (an IPv4-mapped IPv6 address as its IPv4 4). */
    private record Range(byte[] network, int prefixBits) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            if (entry.indexOf('%') >= 0 || LEADING_ZERO.matcher(address).find()
                    || (address.indexOf(':') >= 0 && address.indexOf('.') >= 0
                            && !address.regionMatches(true, 0, "::ffff:", 0, 7))) {
                throw invalid(entry);
            }
            byte[] parsed = NetUtil.createByteArrayFromIpAddressString(address);
            if (parsed == null) {
                throw invalid(entry);
            }
            int bits = parsed.length * 8;
            if (slash >= 0) {
                String prefix = entry.substring(slash + 1);
                if (!PREFIX.matcher(prefix).matches()) {
                    throw invalid(entry);
                }
                bits = Integer.parseInt(prefix);
                if (bits == 0 || bits > parsed.length * 8) {
                    throw invalid(entry);
                }
            }
            byte[] network = parsed.length == 16 && isIpv4Mapped(parsed) ? Arrays.copyOfRange(parsed, 12, 16) : parsed;
            if (network.length == 4 && parsed.length == 16) { // ::ffff:10.0.0.0/104 is 10.0.0.0/8
                if (bits <= 96) {
                    throw invalid(entry);
                }
                bits -= 96;
            }
            Range range = new Range(network, bits);
            if (!range.isNetworkAddress()) {
                throw new IllegalArgumentException("gateway.trusted-proxies: \"" + entry + "\" has host bits set: "
                        + "write the range's first address (" + range.firstAddress() + "/" + bits + "), or the one "
                        + "address with /" + network.length * 8);
            }
            return range;
        }

        /** An X-Forwarded-For hop as an address: also with a port ("192.0.2.7:5678", "[2001:db8::1]:80"). */
        static byte[] hopBytes(String hop) {
            byte[] address = bytes(hop);
            if (address != null) {
                return address;
            }
            int colon = hop.lastIndexOf(':');
            if (colon > 0 && hop.indexOf('.') >= 0 && hop.indexOf(':') == colon) { // IPv4 with a port
                return bytes(hop.substring(0, colon));
            }
            int bracket = hop.indexOf("]:");
            if (hop.startsWith("[") && bracket > 0) { // IPv6 with a port
                return bytes(hop.substring(0, bracket + 1));
            }
            return null;
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

        private boolean isNetworkAddress() {
            return Arrays.equals(network, masked(network));
        }

        private String firstAddress() {
            return NetUtil.bytesToIpAddress(masked(network));
        }

        private byte[] masked(byte[] address) {
            byte[] first = address.clone();
            for (int bit = prefixBits; bit < first.length * 8; bit++) {
                first[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            return first;
        }

        private static IllegalArgumentException invalid(String entry) {
            return new IllegalArgumentException("gateway.trusted-proxies: \"" + entry + "\" is not an IP address or a "
                    + "CIDR range of proxies written plainly (192.0.2.7, 10.0.0.0/8, ::1, fd00::/8; no host names, /0, "
                    + "zones or leading zeros)");
        }
    }
}
