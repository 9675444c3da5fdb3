package com.certcare.survey.analysis;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The year's satisfaction (4.7.2): computed from the quarters' answers and the serious dissatisfaction and complaint
 * events recorded in the year, by the configured criteria. {@code figure} = {@code index} − {@code deduction}, at
 * least 0; {@code met} when it reaches {@code target}.
 */
@Schema(name = "AnnualReport")
public record AnnualReport(
        @Schema(required = true) int year,
        @Schema(required = true) int minGroupSize,
        @Schema(required = true) List<QuarterFigure> quarters,
        @Schema(required = true) boolean suppressed,
        @Schema(nullable = true) Integer responses,
        @Schema(required = true, enumeration = { "RESPONSES", "QUARTERS" }) String weighting,
        @Schema(nullable = true, description = "The year's index before deductions, 0–100") BigDecimal index,
        @Schema(required = true, description = "Serious dissatisfaction and complaint events recorded in the year") int seriousEvents,
        @Schema(required = true) BigDecimal deductionPerEvent,
        @Schema(required = true) BigDecimal maxDeduction,
        @Schema(required = true) BigDecimal deduction,
        @Schema(nullable = true) BigDecimal figure,
        @Schema(required = true) BigDecimal target,
        @Schema(nullable = true) Boolean met) {

    @Schema(name = "AnnualQuarter")
    public record QuarterFigure(@Schema(required = true) String quarter, @Schema(required = true) boolean suppressed,
            @Schema(nullable = true) Integer dispatched, @Schema(nullable = true) Integer responses,
            @Schema(nullable = true) BigDecimal responseRate, @Schema(nullable = true) BigDecimal index) {
    }
}
