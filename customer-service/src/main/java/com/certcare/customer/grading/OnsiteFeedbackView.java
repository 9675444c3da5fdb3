package com.certcare.customer.grading;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded on-site feedback. */
@Schema(name = "OnsiteFeedback")
public record OnsiteFeedbackView(
        long id,
        long customerId,
        Long certificationId,
        LocalDate auditedOn,
        AuditType auditType,
        int managementCommitment,
        int documentation,
        int implementation,
        int correctiveAction,
        int majorNonconformities,
        int minorNonconformities,
        String remarks,
        String recordedBy,
        Instant recordedAt) {
}
