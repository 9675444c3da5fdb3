package com.certcare.survey.report;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A quarter's written report. Never saved: {@code saved} false, version 0, and the conclusions a draft written from the
 * figures in the request's language.
 */
@Schema(name = "QuarterlyReport")
public record ReportView(
        @Schema(required = true, example = "2026-Q3") String quarter,
        @Schema(required = true) ReportStatus status,
        @Schema(required = true) String conclusions,
        @Schema(required = true, description = "false: nothing saved yet, the conclusions are a suggested draft") boolean saved,
        @Schema(required = true, description = "Send it back with a save or the issue (optimistic lock); 0 when never saved") int version,
        @Schema(nullable = true, description = "The body's form number for the report; null when it has none") String formNumber,
        @Schema(required = true) int maxConclusions,
        @Schema(nullable = true) String updatedBy,
        @Schema(nullable = true) Instant updatedAt,
        @Schema(nullable = true) String issuedBy,
        @Schema(nullable = true) Instant issuedAt) {

    static ReportView of(QuarterlyReport r, ReportConfig config) {
        return new ReportView(r.quarter, r.status, r.conclusions, true, r.apiVersion(), config.formNumber().orElse(null),
                config.maxConclusions(), r.updatedBy, r.updatedAt, r.issuedBy, r.issuedAt);
    }

    static ReportView suggested(String quarter, String conclusions, ReportConfig config) {
        return new ReportView(quarter, ReportStatus.DRAFT, conclusions, false, 0, config.formNumber().orElse(null),
                config.maxConclusions(), null, null, null, null);
    }
}
