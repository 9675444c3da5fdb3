package com.certcare.application.document;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a document as staff see it; {@code downloadUrl} is the staff download of exactly this version. */
public record VersionView(
        @Schema(required = true) int number,
        @Schema(required = true) String label,
        @Schema(required = true) LocalDate effectiveOn,
        String changeNote,
        @Schema(required = true) String fileName,
        @Schema(required = true) String contentType,
        @Schema(required = true) long size,
        @Schema(required = true) String sha256,
        @Schema(required = true) String uploadedBy,
        @Schema(required = true) Instant uploadedAt,
        @Schema(required = true) boolean current,
        @Schema(required = true) String downloadUrl) {

    static VersionView of(DocumentVersion v, Integer currentNumber) {
        return new VersionView(v.number, v.label, v.effectiveOn, v.changeNote, v.fileName, v.contentType, v.size,
                v.sha256, v.uploadedBy, v.uploadedAt, currentNumber != null && currentNumber == v.number,
                "/api/documents/" + v.documentId + "/versions/" + v.number + "/file");
    }
}
