package com.certcare.application.applying;

import com.certcare.application.party.PartyFields;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields of form 16-01 (认证申请书) as the applicant or market staff send them. {@code version} only on an
 * update by staff (optimistic locking).
 */
@Schema(name = "ApplicationInput")
public record ApplicationInput(
        @Schema(required = true, maxLength = 200, examples = "杭州示例制造有限公司") String name,
        @Schema(required = true, description = "统一社会信用代码 (GB 32100-2015, check character verified)", examples = "91350100M000100Y43") String creditCode,
        @Schema(required = true, maxLength = 50) String legalRepresentative,
        @Schema(required = true, maxLength = 300) String address,
        @Schema(required = true, description = "GB/T 2260 province code, e.g. 330000", examples = "330000") String provinceCode,
        @Schema(maxLength = 50) String city,
        @Schema(required = true, pattern = "^\\d{6}$", examples = "310000") String postalCode,
        @Schema(required = true, maxLength = 50) String contactName,
        @Schema(required = true, examples = "13800138000") String contactPhone,
        @Schema(maxLength = 200, examples = "contact@example.cn") String contactEmail,
        @Schema(required = true, description = "Scheme codes from the form's list (QMS, EMS, …)") List<String> schemes,
        @Schema(required = true, maxLength = 2000, description = "Scope in Chinese") String scope,
        @Schema(maxLength = 2000, description = "Scope in English") String scopeEn,
        List<Site> sites,
        @Schema(required = true, minimum = "1", maximum = "1000000") Integer headCount,
        @Schema(minimum = "1", maximum = "10", description = "Number of shifts") Integer shifts,
        @Schema(maxLength = 2000) String outsourcedProcesses,
        @Schema(maxLength = 2000) String existingCertifications,
        @Schema(required = true, description = "Whether a consultancy helped build the system (17021-1 9.1.1)") Boolean consultancyUsed,
        @Schema(maxLength = 200, description = "Required when consultancyUsed") String consultancyName,
        @Schema(maxLength = 50, description = "Language(s) the audit is to be held in", examples = "中文") String language,
        @Schema(description = "The version you read (staff updates only)") Integer version) implements PartyFields {
}
