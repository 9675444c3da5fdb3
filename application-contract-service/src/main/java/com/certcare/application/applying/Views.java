package com.certcare.application.applying;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the API answers about applications. */
public final class Views {

    private Views() {
    }

    /** Answer to a public submission: the reference and the secret (shown this once only). */
    public record Submitted(@Schema(required = true) String reference,
            @Schema(required = true, description = "Keep it: with the reference it opens the status page; it is shown only now") String secret,
            @Schema(required = true) ApplicationStatus status) {
    }

    public record AttachmentView(@Schema(required = true) long id, @Schema(required = true) AttachmentKind kind,
            @Schema(required = true) String fileName, @Schema(required = true) String contentType,
            @Schema(required = true) long size, @Schema(required = true) String sha256, Long messageId,
            @Schema(required = true) String uploadedBy, @Schema(required = true) Instant uploadedAt,
            @Schema(required = true) String downloadUrl) {

        static AttachmentView of(ApplicationAttachment a) {
            return new AttachmentView(a.id, a.kind, a.fileName, a.contentType, a.size, a.sha256, a.messageId,
                    a.uploadedBy, a.uploadedAt, "/api/applications/" + a.applicationId + "/attachments/" + a.id + "/file");
        }
    }

    public record MessageView(@Schema(required = true) long id, @Schema(required = true) ApplicationMessage.Kind kind,
            @Schema(required = true) String text, @Schema(required = true) String author,
            @Schema(required = true) Instant writtenAt, @Schema(required = true) List<Long> attachmentIds) {
    }

    /** The review checklist as answered so far (null: not answered). */
    public record Checklist(Boolean informationSufficient, Boolean scopeWithinAccreditation, Boolean competenceAvailable,
            Boolean sitesCovered, Boolean languageCovered, Boolean safetyConsidered, Boolean impartialityNoConflict,
            String impartialityNote, BigDecimal auditDays, String notes,
            @Schema(required = true, description = "Items not answered yes (accepting needs none)") List<String> open) {

        static Checklist of(Application a) {
            return new Checklist(a.informationSufficient, a.scopeWithinAccreditation, a.competenceAvailable,
                    a.sitesCovered, a.languageCovered, a.safetyConsidered, a.impartialityNoConflict, a.impartialityNote,
                    a.auditDays, a.reviewNotes, a.checklistNotYes());
        }
    }

    /** An application as staff see it. */
    public record ApplicationDetail(@Schema(required = true) long id, @Schema(required = true) String reference,
            @Schema(required = true) ApplicationStatus status, @Schema(required = true) int version,
            @Schema(required = true) String formNumber,
            @Schema(required = true) String name, @Schema(required = true) String creditCode, String legalRepresentative,
            String address, String provinceCode, String provinceName, String city, String postalCode, String contactName,
            String contactPhone, String contactEmail, @Schema(required = true) List<String> schemes, String scope,
            String scopeEn, @Schema(required = true) List<Site> sites, Integer headCount, Integer shifts,
            String outsourcedProcesses, String existingCertifications, Boolean consultancyUsed, String consultancyName,
            String language, Instant submittedAt, LocalDate reviewDueOn, @Schema(required = true) boolean overdue,
            Instant decidedAt, String decisionReasons, @Schema(required = true) Checklist review,
            @Schema(required = true) List<AttachmentKind> requiredAttachments,
            @Schema(required = true) List<AttachmentView> attachments, @Schema(required = true) List<MessageView> thread,
            @Schema(required = true) boolean enteredOnBehalf, @Schema(required = true) boolean publicAccess,
            String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
            @Schema(required = true) String historyUrl) {
    }

    /** One row of the staff inbox. */
    public record ApplicationRow(@Schema(required = true) long id, @Schema(required = true) String reference,
            @Schema(required = true) ApplicationStatus status, @Schema(required = true) String name,
            @Schema(required = true) String creditCode, String provinceCode, String provinceName,
            @Schema(required = true) List<String> schemes, Instant submittedAt, LocalDate reviewDueOn,
            @Schema(required = true) boolean overdue, Instant decidedAt, @Schema(required = true) boolean enteredOnBehalf,
            Instant updatedAt) {
    }

    public record PublicMessage(@Schema(required = true) ApplicationMessage.Kind kind, @Schema(required = true) String text,
            @Schema(required = true) Instant writtenAt, @Schema(required = true) List<String> attachments) {
    }

    public record PublicAttachment(@Schema(required = true) AttachmentKind kind, @Schema(required = true) String fileName) {
    }

    /** What the applicant sees with reference and secret. */
    public record PublicStatus(@Schema(required = true) String reference, @Schema(required = true) ApplicationStatus status,
            @Schema(required = true) String name, @Schema(required = true) List<String> schemes, Instant submittedAt,
            Instant decidedAt, @Schema(description = "The decision's reasons, once decided") String decisionReasons,
            @Schema(required = true) List<PublicMessage> thread, @Schema(required = true) List<PublicAttachment> attachments) {
    }

    public record NamedCode(@Schema(required = true) String code, @Schema(required = true) String nameZh,
            @Schema(required = true) String nameEn, @Schema(required = true) String name) {
    }

    public record SchemeOption(@Schema(required = true) String code, String standard, @Schema(required = true) String nameZh,
            @Schema(required = true) String nameEn, @Schema(required = true) String name,
            @Schema(required = true) List<AttachmentKind> requiredAttachments) {
    }

    public record Limits(@Schema(required = true) long maxAttachmentBytes, @Schema(required = true) int maxAttachments,
            @Schema(required = true) long maxTotalBytes, @Schema(required = true) int maxSites,
            @Schema(required = true) List<String> acceptedTypes) {
    }

    /** The form's settings for the public page. */
    public record FormView(@Schema(required = true) String formNumber, @Schema(required = true) String language,
            @Schema(required = true) List<SchemeOption> schemes, @Schema(required = true) List<NamedCode> provinces,
            @Schema(required = true) List<AttachmentKind> attachmentKinds,
            @Schema(required = true) java.util.Map<String, String> guidance, @Schema(required = true) Limits limits) {
    }
}
