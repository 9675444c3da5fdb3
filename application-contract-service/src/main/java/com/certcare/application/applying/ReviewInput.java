package com.certcare.application.applying;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The review checklist (申请评审, ISO/IEC 17021-1 9.1.2): each item answered yes/no (null: not yet), the audit time
 * estimate, notes; with the version you read.
 */
public record ReviewInput(
        @Schema(description = "The information about the client and its system is sufficient") Boolean informationSufficient,
        @Schema(description = "The scope is within the body's accreditation") Boolean scopeWithinAccreditation,
        @Schema(description = "The body has the competence and ability to audit it") Boolean competenceAvailable,
        @Schema(description = "All sites can be covered") Boolean sitesCovered,
        @Schema(description = "The language(s) can be covered") Boolean languageCovered,
        @Schema(description = "Safety conditions were considered") Boolean safetyConsidered,
        @Schema(description = "No threat to impartiality, no conflict of interest (consultancy included)") Boolean impartialityNoConflict,
        @Schema(maxLength = 2000, description = "Impartiality and consultancy considerations") String impartialityNote,
        @Schema(minimum = "0", maximum = "999", description = "Estimated audit time in auditor-days (one decimal)") BigDecimal auditDays,
        @Schema(maxLength = 4000) String notes,
        @Schema(required = true, description = "The version you read") Integer version) {
}
