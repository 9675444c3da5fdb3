package com.certcare.customer.customer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The market user confirms a reported management-system change was evaluated (17021-1 8.5), optionally saying how. */
@Schema(name = "AcknowledgeSystemChange")
public record AcknowledgeInput(
        @Schema(description = "What the evaluation concluded (e.g. no special audit needed), at most 500 characters", maxLength = 500)
        String note) {

    public static final int NOTE_MAX = 500;
}
