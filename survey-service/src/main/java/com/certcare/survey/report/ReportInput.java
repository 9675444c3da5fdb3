package com.certcare.survey.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What market sends: new conclusions, or the issue of the report, each against the version it read. */
public final class ReportInput {

    private ReportInput() {
    }

    @Schema(name = "ReportConclusionsInput")
    public record Conclusions(
            @Schema(required = true, description = "The report's conclusions, plain text with line breaks; at most certcare.survey.report.max-conclusions characters (20,000 by default)") String conclusions,
            @Schema(required = true, minimum = "0", description = "The version read (0: never saved)") Integer version) {
    }

    @Schema(name = "ReportIssueInput")
    public record Issue(@Schema(required = true, minimum = "1", description = "The version read") Integer version) {
    }
}
