package com.certcare.feedback.item;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the handling department did. */
public record ResolveInput(@Schema(required = true, maxLength = 5000) String resolution,
        @Schema(required = true, description = "The version you read") Integer version) {
}
