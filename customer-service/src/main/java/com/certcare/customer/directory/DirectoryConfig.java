package com.certcare.customer.directory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public directory and certificate check ({@code certcare.directory.*}). */
@ConfigMapping(prefix = "certcare.directory")
public interface DirectoryConfig {

    /**
     * The SPA's public verification page a certificate's QR code opens; {@code {number}} becomes the certificate
     * number (URL-encoded). The body's own web address in production.
     */
    @WithDefault("http://localhost:5173/verify/{number}")
    String verifyUrl();

    /** How long a browser or proxy may keep a directory page (seconds). */
    @WithDefault("300")
    int directoryMaxAgeSeconds();

    /** How long a certificate's status may be kept: short, a suspension must show soon (seconds). */
    @WithDefault("60")
    int checkMaxAgeSeconds();

    /** How long a QR code may be kept: it only encodes the page's address (seconds). */
    @WithDefault("86400")
    int qrMaxAgeSeconds();

    /** The largest directory page. */
    @WithDefault("50")
    int maxPageSize();
}
