package com.certcare.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;

/**
 * How a file the service made (a form or a report as PDF, a workbook) is answered: an attachment with
 * {@code Content-Disposition} per RFC 6266 — an ASCII {@code filename} fallback and the UTF-8 name as {@code filename*}
 * (RFC 5987/8187) — {@code X-Content-Type-Options: nosniff} and {@code Cache-Control: private, no-cache}.
 */
public final class Downloads {

    private Downloads() {
    }

    /** {@code bytes} as an attachment named {@code fileName} (its non-ASCII characters become {@code _} in the fallback). */
    public static Response generated(String fileName, String contentType, byte[] bytes) {
        return generated(fileName, fileName.replaceAll("[^A-Za-z0-9._-]", "_"), contentType, bytes);
    }

    /** {@code bytes} as an attachment named {@code fileName} (e.g. Chinese), {@code fallbackName} for ASCII-only clients. */
    public static Response generated(String fileName, String fallbackName, String contentType, byte[] bytes) {
        return Response.ok(bytes, contentType).header("Content-Length", bytes.length)
                .header("Cache-Control", "private, no-cache").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", disposition(fileName, fallbackName))
                .build();
    }

    /**
     * A stored file (an attachment) written by {@code body} as it is read, never held whole in memory: the same
     * headers as {@link #generated}, with its length and the type told when it was stored.
     */
    public static Response stored(String fileName, String fallbackName, String contentType, long size,
            jakarta.ws.rs.core.StreamingOutput body) {
        return Response.ok(body, contentType).header("Content-Length", size)
                .header("Cache-Control", "private, no-cache").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", disposition(fileName, fallbackName))
                .build();
    }

    /**
     * {@code attachment; filename="<fallback>"; filename*=UTF-8''<name percent-encoded>}: the name itself as the
     * fallback when it is plain printable ASCII without quote, backslash, semicolon or percent sign.
     */
    public static String disposition(String name, String fallbackName) {
        boolean plain = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' && c != '%');
        String fallback = plain ? name : fallbackName;
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
