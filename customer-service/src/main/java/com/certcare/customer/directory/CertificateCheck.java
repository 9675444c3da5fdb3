package com.certcare.customer.directory;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a certificate is valid, as anyone may ask (17021-1 8.1.2: information on a given certification). */
@Schema(name = "CertificateCheck")
public record CertificateCheck(
        @Schema(required = true) String certificateNo,
        @Schema(required = true, enumeration = { "VALID", "SUSPENDED", "WITHDRAWN", "CANCELLED", "EXPIRED" },
                description = "As of checkedOn: a VALID certificate past its expiry date reads EXPIRED") String status,
        @Schema(required = true) String clientName,
        @Schema(required = true) String scheme,
        @Schema(nullable = true) String scope,
        @Schema(nullable = true) String scopeEn,
        @Schema(nullable = true) LocalDate issuedOn,
        @Schema(nullable = true) LocalDate expiresOn,
        @Schema(required = true, description = "The day the status was read (the body's time zone)") LocalDate checkedOn) {
}
