package com.certcare.feedback.item;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Closing: the version; a class (a) item without its explanation yet takes it here. */
public record CloseInput(
        @Schema(maxLength = 5000, description = "a: the explanation given to the customer, if triage did not record it") String explanation,
        @Schema(required = true, description = "The version you read") Integer version) {
}
