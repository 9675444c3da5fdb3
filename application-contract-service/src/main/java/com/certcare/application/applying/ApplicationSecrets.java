package com.certcare.application.applying;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The applicant's secret: 256 random bits (SecureRandom), shown once as URL-safe Base64; only its SHA-256 is kept.
 * Compared in constant time ({@link MessageDigest#isEqual}).
 */
final class ApplicationSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the reference is unknown, so both cases take the same time. */
    private static final byte[] NOTHING = new byte[32];

    private ApplicationSecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }

    /** Whether {@code given} is the secret whose hash is {@code storedHash} (null: never). */
    static boolean matches(String given, String storedHash) {
        byte[] expected = storedHash == null ? NOTHING : HexFormat.of().parseHex(storedHash);
        byte[] actual = digest(given == null ? "" : given);
        return MessageDigest.isEqual(expected, actual) && storedHash != null && given != null;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
