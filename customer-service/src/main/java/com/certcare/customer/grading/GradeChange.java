package com.certcare.customer.grading;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of a customer's grade in force. */
@Schema(name = "GradeChange")
public record GradeChange(
        long id,
        Grade from,
        Grade to,
        @Schema(description = "COMPUTED, OVERRIDE or OVERRIDE_REMOVED") Source source,
        String by,
        String reason,
        @Schema(description = "For a computed change, what it was made of") GradeInputs inputs,
        Instant at) {

    public enum Source { COMPUTED, OVERRIDE, OVERRIDE_REMOVED }
}
