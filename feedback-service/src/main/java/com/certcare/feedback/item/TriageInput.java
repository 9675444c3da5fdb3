package com.certcare.feedback.item;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The market department's triage (4.5): the class; b needs the department; a may carry the explanation now. */
public record TriageInput(
        @JsonProperty("class") @Schema(name = "class", required = true) FeedbackClass feedbackClass,
        @Schema(maxLength = 100, description = "b: the department that handles it (required)") String department,
        @Schema(maxLength = 5000, description = "a: the explanation given to the customer (required before closing)") String explanation,
        @Schema(required = true, description = "The version you read") Integer version) {
}
