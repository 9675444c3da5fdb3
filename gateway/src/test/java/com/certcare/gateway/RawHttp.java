package com.certcare.gateway;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A request written on a socket as given: HTTP clients resolve dot segments and escapes before sending. */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends a GET of {@code target} (sent as is) with the given header lines and reads the whole answer. */
    static String get(int port, String target, String... headers) throws Exception {
        return getFrom(null, port, target, headers);
    }

    /** As {@link #get}, from a given local address ("127.0.0.2": another caller on this machine), or any if null. */
    static String getFrom(String from, int port, String target, String... headers) throws Exception {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(from == null ? "localhost" : "127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
