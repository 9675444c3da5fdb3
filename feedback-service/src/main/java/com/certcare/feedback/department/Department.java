package com.certcare.feedback.department;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One department: the code items carry, and its name in the caller's language and in both. */
@Schema(name = "Department")
public record Department(
        @Schema(required = true, description = "What items and tokens carry, e.g. audit-scheduling") String code,
        @Schema(required = true, description = "In the caller's language (Accept-Language: en, else zh-CN)") String name,
        @Schema(required = true) String nameZh,
        @Schema(required = true) String nameEn) {
}
