package com.certcare.application.document;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published document as the public sees it: its current version only. */
public record PublicDocument(
        @Schema(required = true) long id,
        @Schema(required = true) DocumentKind kind,
        @Schema(required = true) String titleZh,
        String titleEn,
        @Schema(required = true) int versionNumber,
        @Schema(required = true) String versionLabel,
        @Schema(required = true) LocalDate effectiveOn,
        @Schema(required = true) String fileName,
        @Schema(required = true) String contentType,
        @Schema(required = true) long size,
        @Schema(required = true) String sha256,
        @Schema(required = true) String downloadUrl) {

    static PublicDocument of(Document d, DocumentVersion v) {
        return new PublicDocument(d.id, d.kind, d.titleZh, d.titleEn, v.number, v.label, v.effectiveOn, v.fileName,
                v.contentType, v.size, v.sha256, "/api/public/documents/" + d.id + "/file");
    }
}
