package com.certcare.feedback.commonissue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A recipient's answer. A department user answers for its department, a leader for the management representative;
 * a market user records an answer on a recipient's behalf and names it in {@code department}.
 */
@Schema(name = "CommonIssueAnswerInput")
public record AnswerInput(@Schema(required = true, maxLength = 5000) String answer,
        @Schema(maxLength = 100, description = "Market only: the recipient answered for (required then)") String department) {
}
