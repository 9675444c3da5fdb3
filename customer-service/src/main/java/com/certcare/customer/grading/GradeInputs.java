package com.certcare.customer.grading;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a computed grade was made of, stored with it as JSON: the rules in force, each input that counted and what it
 * contributed, so anyone can see why a customer has its grade.
 */
@Schema(name = "GradeInputs")
public record GradeInputs(
        Rules rules,
        @Schema(description = "The on-site feedback that counted, each with its score") List<Feedback> feedback,
        @Schema(description = "Mean of the counted feedback scores; null when none counts (then no grade)") BigDecimal feedbackScore,
        List<Complaint> seriousComplaints,
        List<Overdue> overdueSurveillance,
        @Schema(description = "feedbackScore less the deductions, within 0–100") BigDecimal score,
        Grade grade,
        @Schema(description = "Why there is no grade, when there is none") String note,
        LocalDate asOf) {

    @Schema(name = "GradingRules")
    public record Rules(BigDecimal weightManagementCommitment, BigDecimal weightDocumentation,
            BigDecimal weightImplementation, BigDecimal weightCorrectiveAction, BigDecimal perMajorNonconformity,
            BigDecimal perMinorNonconformity, BigDecimal perSeriousComplaint, BigDecimal perOverdueSurveillance,
            int complaintMonths, int feedbackCount, int feedbackWithinMonths, BigDecimal thresholdA,
            BigDecimal thresholdB, BigDecimal thresholdC) {
    }

    @Schema(name = "GradeFeedbackInput")
    public record Feedback(long id, LocalDate auditedOn, AuditType auditType,
            @Schema(description = "20 × weighted mean of the four criteria") BigDecimal criteriaScore,
            int majorNonconformities, int minorNonconformities,
            @Schema(description = "Deducted for the nonconformities") BigDecimal deduction,
            @Schema(description = "criteriaScore less deduction") BigDecimal score) {
    }

    @Schema(name = "GradeComplaintInput")
    public record Complaint(String feedbackItemId, String reference, Instant recordedAt, BigDecimal deduction) {
    }

    @Schema(name = "GradeOverdueInput")
    public record Overdue(long certificationId, String scheme, String certificateNo,
            @Schema(description = "The planned surveillance that passed without a surveillance audit") LocalDate plannedOn,
            BigDecimal deduction) {
    }
}
