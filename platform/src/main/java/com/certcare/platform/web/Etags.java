package com.certcare.platform.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers a cache may keep (public pages): the body with an ETag over its bytes and a {@code Cache-Control}; a
 * client that sends the tag back in {@code If-None-Match} gets 304 and no body until the answer changes.
 */
public final class Etags {

    private Etags() {
    }

    /** {@code body} as JSON, serialised once, with a weak ETag (the same data, whatever its byte form). */
    public static Response json(ObjectMapper mapper, Object body, String ifNoneMatch, String cacheControl) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the answer", e);
        }
        return bytes(bytes, MediaType.APPLICATION_JSON + ";charset=UTF-8", true, ifNoneMatch, cacheControl);
    }

    /** {@code bytes} of {@code type}, with a strong ETag ({@code weak}: a weak one) over them. */
    public static Response bytes(byte[] bytes, String type, boolean weak, String ifNoneMatch, String cacheControl) {
        String hash = sha256(bytes);
        String etag = (weak ? "W/" : "") + "\"" + hash + "\"";
        if (matches(ifNoneMatch, hash)) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", cacheControl).build();
        }
        return Response.ok(bytes, type).header("ETag", etag).header("Cache-Control", cacheControl)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /**
     * {@code If-None-Match} compares weakly (RFC 9110 13.1.2): {@code *}, or any listed tag, with or without
     * {@code W/}, whose value is {@code hash}.
     */
    public static boolean matches(String ifNoneMatch, String hash) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip).anyMatch(tag -> tag.equals("*")
                || (tag.startsWith("W/") ? tag.substring(2) : tag).equals("\"" + hash + "\""));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
