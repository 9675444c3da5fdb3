package com.certcare.feedback.item;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The leader's decision on an escalated (class c) item; it is then handled as b by {@code department}. */
public record DecideInput(
        @Schema(required = true, maxLength = 5000) String decision,
        @Schema(required = true, maxLength = 100, description = "The department that carries the decision out") String department,
        @Schema(required = true, description = "The version you read") Integer version) {
}
