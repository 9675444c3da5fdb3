package com.certcare.gateway;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A request written on a socket as given: HTTP clients resolve dot segments and escapes before sending. */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends a GET of {@code target} (sent as is) with the given header lines and reads the whole answer. */
    static String get(int port, String target, String... headers) throws Exception {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
