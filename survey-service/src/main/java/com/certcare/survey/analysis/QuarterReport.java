package com.certcare.survey.analysis;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A quarter's satisfaction figures (4.7.1): overall and per group of the segment asked for. A group with fewer
 * responses than {@code minGroupSize} is {@code suppressed}: it keeps its key and nothing else.
 */
@Schema(name = "QuarterReport")
public record QuarterReport(
        @Schema(required = true, example = "2026-Q3") String quarter,
        @Schema(required = true) Segment by,
        @Schema(required = true) int minGroupSize,
        @Schema(nullable = true, description = "The questionnaire of the quarter's campaign; null when there was none") String templateCode,
        @Schema(nullable = true) Integer templateVersion,
        @Schema(required = true, example = "2026-Q2") String previousQuarter,
        @Schema(required = true) Group overall,
        @Schema(required = true, description = "Per group of the segment, by key; empty for by=NONE") List<Group> groups) {

    /**
     * @param key               the segment's value (scheme code, province code, professional code; null: not known)
     * @param suppressedBecause SMALL: fewer responses than the minimum; SECONDARY: the next smallest group of a
     *                          split where exactly one other was small, so it cannot be worked out from the total
     */
    @Schema(name = "QuarterGroup")
    public record Group(
            @Schema(nullable = true) String key,
            @Schema(required = true) boolean suppressed,
            @Schema(nullable = true, enumeration = { "SMALL", "SECONDARY" }) String suppressedBecause,
            @Schema(nullable = true, description = "Clients asked") Integer dispatched,
            @Schema(nullable = true) Integer responses,
            @Schema(nullable = true, description = "responses ÷ dispatched, %") BigDecimal responseRate,
            @Schema(nullable = true, description = "Mean of the responses' indexes, 0–100") BigDecimal index,
            @Schema(nullable = true, description = "The previous quarter's index of the same group, when shown there") BigDecimal previousIndex,
            @Schema(nullable = true, description = "index − previousIndex") BigDecimal change,
            @Schema(required = true) List<Dimension> dimensions,
            @Schema(required = true) List<Item> items) {

        static Group suppressed(String key, String because) {
            return new Group(key, true, because, null, null, null, null, null, null, List.of(), List.of());
        }
    }

    /** A dimension: its answers' mean (1–5) and importance-weighted index (0–100). */
    @Schema(name = "QuarterDimension")
    public record Dimension(@Schema(required = true) String code, @Schema(required = true) String name,
            @Schema(required = true) int responses, @Schema(required = true) BigDecimal mean,
            @Schema(required = true) BigDecimal index, @Schema(nullable = true) BigDecimal previousIndex) {
    }

    /** A LIKERT item: answers, mean (1–5) and how many answered 1, 2, 3, 4, 5; null figures below the minimum. */
    @Schema(name = "QuarterItem")
    public record Item(@Schema(required = true) String code, @Schema(nullable = true) String dimension,
            @Schema(required = true) String text, @Schema(nullable = true) BigDecimal weight,
            @Schema(required = true) int answers, @Schema(nullable = true) BigDecimal mean,
            @Schema(nullable = true, minItems = 5, maxItems = 5) List<Integer> distribution) {
    }
}
