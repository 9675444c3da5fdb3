package com.certcare.customer.customer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Leave a customer out of the public directory (ISO/IEC 17021-1 8.1.2's exception), saying why. */
@Schema(name = "DirectoryRestrictionInput")
public record DirectoryRestrictionInput(
        @Schema(required = true, maxLength = 500, description = "Why it is left out (e.g. the client's written request for security reasons)")
        String reason) {

    public static final int REASON_MAX = 500;
}
