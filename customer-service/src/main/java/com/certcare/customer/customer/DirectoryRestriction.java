package com.certcare.customer.customer;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a customer is left out of the public directory; its certificates stay verifiable one by one. */
@Schema(name = "DirectoryRestriction")
public record DirectoryRestriction(
        @Schema(required = true) boolean restricted,
        @Schema(nullable = true) String reason,
        @Schema(nullable = true) String restrictedBy,
        @Schema(nullable = true) Instant restrictedAt) {

    static final DirectoryRestriction NONE = new DirectoryRestriction(false, null, null, null);
}
