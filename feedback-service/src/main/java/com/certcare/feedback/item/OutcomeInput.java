package com.certcare.feedback.item;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The formal notification of the outcome to the complainant or appellant (17021-1 9.8): how, when, what was said. */
public record OutcomeInput(
        @Schema(required = true) OutcomeChannel channel,
        @Schema(required = true, description = "The day it was notified (yyyy-MM-dd; not in the future, not before the receipt)") LocalDate notifiedOn,
        @Schema(required = true, maxLength = 5000, description = "What the complainant was told") String summary,
        @Schema(required = true, description = "The version you read") Integer version) {
}
