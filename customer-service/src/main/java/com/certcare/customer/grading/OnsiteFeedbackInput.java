package com.certcare.customer.grading;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The audit team's on-site feedback on the client's management system (4.2.3), as an auditor or market records it. */
@Schema(name = "OnsiteFeedbackInput")
public record OnsiteFeedbackInput(
        @Schema(required = true, description = "The day of the audit") LocalDate auditedOn,
        @Schema(required = true) AuditType auditType,
        @Schema(description = "A certification record of this customer the audit was for") Long certificationId,
        @Schema(required = true, minimum = "1", maximum = "5", description = "Management commitment, 1 (poor) – 5 (excellent)") Integer managementCommitment,
        @Schema(required = true, minimum = "1", maximum = "5", description = "Documentation, 1–5") Integer documentation,
        @Schema(required = true, minimum = "1", maximum = "5", description = "Implementation effectiveness, 1–5") Integer implementation,
        @Schema(required = true, minimum = "1", maximum = "5", description = "Corrective-action performance, 1–5") Integer correctiveAction,
        @Schema(required = true, minimum = "0", maximum = "1000", description = "Major nonconformities raised") Integer majorNonconformities,
        @Schema(required = true, minimum = "0", maximum = "1000", description = "Minor nonconformities raised") Integer minorNonconformities,
        @Schema(maxLength = 2000) String remarks) {

    public static final int REMARKS_MAX = 2000;
    public static final int NONCONFORMITIES_MAX = 1000;
}
