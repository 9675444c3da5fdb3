package com.certcare.application.contract;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step of a contract: the version you read; signing takes the date it was signed, terminating a reason. */
public record ContractTransition(@Schema(required = true, description = "The version you read") Integer version,
        @Schema(description = "sign: the date both parties signed (required; not in the future)") LocalDate signedOn,
        @Schema(maxLength = 2000, description = "terminate: why (required)") String reason) {
}
