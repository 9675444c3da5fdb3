package com.certcare.customer.grading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's grade: the one in force, the computed one with its inputs, the override if any, and the history. */
@Schema(name = "CustomerGrade")
public record GradeView(
        long customerId,
        @Schema(description = "In force: the override, else the computed grade; null while ungraded") Grade grade,
        @Schema(description = "The grade's configured label") String label,
        Grade computedGrade,
        BigDecimal score,
        GradeInputs inputs,
        Instant computedAt,
        Override override,
        List<GradeChange> history) {

    @Schema(name = "GradeOverride")
    public record Override(Grade grade, String reason, String by, Instant at) {
    }
}
