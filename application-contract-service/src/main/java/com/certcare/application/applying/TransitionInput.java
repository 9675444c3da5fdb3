package com.certcare.application.applying;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A transition by staff: the version you read, and the text it needs — the question of a request for information,
 * the reasons of a decision (required to reject; given to the applicant), the reason of a withdrawal.
 */
public record TransitionInput(@Schema(required = true, description = "The version you read") Integer version,
        @Schema(maxLength = 4000, description = "request-info: the question (required)") String question,
        @Schema(maxLength = 4000, description = "accept/reject: the reasons given to the applicant (required to reject)") String reasons,
        @Schema(maxLength = 2000, description = "withdraw, submit, start-review: why") String reason) {
}
