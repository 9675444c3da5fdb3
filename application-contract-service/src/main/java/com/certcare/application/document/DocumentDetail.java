package com.certcare.application.document;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A document with its versions, newest first: all of them up to 200 (a document's versions are its editions, a
 * handful in practice); {@code versionCount} is how many there are, the current version's number.
 */
public record DocumentDetail(
        @Schema(required = true) long id,
        @Schema(required = true) DocumentKind kind,
        @Schema(required = true) String titleZh,
        String titleEn,
        @Schema(required = true) boolean published,
        VersionView current,
        @Schema(required = true, description = "Newest first, at most 200") List<VersionView> versions,
        @Schema(required = true) int versionCount,
        @Schema(required = true) int version,
        @Schema(required = true) String createdBy,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) String updatedBy,
        @Schema(required = true) Instant updatedAt) {

    static DocumentDetail of(Document d, List<DocumentVersion> versions) {
        List<VersionView> views = versions.stream().map(v -> VersionView.of(v, d.currentVersionNo)).toList();
        return new DocumentDetail(d.id, d.kind, d.titleZh, d.titleEn, d.published,
                views.stream().filter(VersionView::current).findFirst().orElse(null), views,
                d.currentVersionNo == null ? 0 : d.currentVersionNo, d.version, d.createdBy,
                d.createdAt, d.updatedBy, d.updatedAt);
    }
}
