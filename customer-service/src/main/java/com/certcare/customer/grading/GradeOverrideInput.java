package com.certcare.customer.grading;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Market sets a customer's grade by hand, saying why. */
@Schema(name = "GradeOverrideInput")
public record GradeOverrideInput(
        @Schema(required = true) Grade grade,
        @Schema(required = true, maxLength = 500) String reason) {

    public static final int REASON_MAX = 500;
}
