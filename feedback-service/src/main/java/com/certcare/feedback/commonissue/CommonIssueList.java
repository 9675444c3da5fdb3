package com.certcare.feedback.commonissue;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The common issues now: the window and threshold they were found with, most clients first. */
@Schema(name = "CommonIssueList")
public record CommonIssueList(@Schema(required = true) Instant from, @Schema(required = true) Instant to,
        @Schema(required = true, description = "certcare.feedback.common-issues.min-clients") int minClients,
        @Schema(required = true) List<CommonIssue> items) {
}
