package com.certcare.application.document;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a caller sends to create or change a document's description. {@code version} is required on update. */
public record DocumentInput(
        @Schema(required = true) DocumentKind kind,
        @Schema(required = true, maxLength = 200, examples = "认证规则（质量管理体系）") String titleZh,
        @Schema(maxLength = 200, examples = "Certification rules (QMS)") String titleEn,
        @Schema(description = "Shown on the public page; only a document with a version can be published") Boolean published,
        @Schema(description = "The version last read; required on update (optimistic locking)") Integer version) {
}
