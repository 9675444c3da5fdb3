package com.certcare.customer.directory;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One certificate in the public directory: what 17021-1 8.1.2 asks to be public, nothing more (no contacts, fees,
 * grades, credit codes).
 */
@Schema(name = "DirectoryEntry")
public record DirectoryEntry(
        @Schema(required = true) String certificateNo,
        @Schema(required = true, description = "The certified client's name") String clientName,
        @Schema(required = true, description = "Province code (GB/T 2260)") String provinceCode,
        @Schema(required = true, description = "QMS, EMS, OHSMS, …") String scheme,
        @Schema(nullable = true) String scope,
        @Schema(nullable = true) String scopeEn,
        @Schema(nullable = true) LocalDate issuedOn,
        @Schema(nullable = true) LocalDate expiresOn,
        @Schema(required = true, enumeration = { "VALID", "SUSPENDED" }) String status) {
}
