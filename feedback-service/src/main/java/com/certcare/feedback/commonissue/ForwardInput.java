package com.certcare.feedback.commonissue;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A common issue forwarded in one action to departments and/or the management representative. */
@Schema(name = "CommonIssueForwardInput")
public record ForwardInput(
        @Schema(required = true, maxLength = 40, description = "A topic that is a common issue now") String topic,
        @Schema(required = true, maxItems = CommonIssueService.MAX_RECIPIENTS,
                description = "Department codes (lower-case letters, digits, '-'; at most 50 characters), or management-representative (管代)",
                example = "[\"technical-committee\", \"management-representative\"]") List<String> recipients,
        @Schema(maxLength = 5000, description = "What the market department asks of them") String note) {
}
