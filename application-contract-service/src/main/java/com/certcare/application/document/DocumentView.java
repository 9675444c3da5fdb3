package com.certcare.application.document;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document in the staff list: its description and its current version (null before the first upload). */
public record DocumentView(
        @Schema(required = true) long id,
        @Schema(required = true) DocumentKind kind,
        @Schema(required = true) String titleZh,
        String titleEn,
        @Schema(required = true) boolean published,
        VersionView current,
        @Schema(required = true) int version,
        @Schema(required = true) String createdBy,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) String updatedBy,
        @Schema(required = true) Instant updatedAt) {

    static DocumentView of(Document d, DocumentVersion current) {
        return new DocumentView(d.id, d.kind, d.titleZh, d.titleEn, d.published,
                current == null ? null : VersionView.of(current, d.currentVersionNo), d.version, d.createdBy,
                d.createdAt, d.updatedBy, d.updatedAt);
    }
}
