package com.certcare.application.contract;

import com.certcare.application.party.PartyFields;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The terms of a DRAFT contract as market staff edit them: the customer party (drawn from the application, corrected
 * here), the scope and the fees. Schemes and sites stay those of the accepted application.
 */
public record ContractInput(
        @Schema(required = true, maxLength = 200) String name,
        @Schema(required = true, description = "统一社会信用代码 (GB 32100 check digit)") String creditCode,
        @Schema(maxLength = 100) String legalRepresentative,
        @Schema(maxLength = 300) String address,
        @Schema(required = true, description = "Province (GB/T 2260, 6 digits)") String provinceCode,
        @Schema(maxLength = 100) String city,
        @Schema(description = "6 digits") String postalCode,
        @Schema(maxLength = 100) String contactName,
        String contactPhone,
        String contactEmail,
        @Schema(maxLength = 4000) String scope,
        @Schema(maxLength = 4000) String scopeEn,
        @Schema(description = "CNY, at most 2 decimals", examples = "12000.00") BigDecimal initialAuditFee,
        @Schema(description = "CNY per surveillance audit, at most 2 decimals", examples = "6000.00") BigDecimal surveillanceFee,
        @Schema(maxLength = 2000) String paymentTerms,
        @Schema(required = true, description = "The version you read") Integer version) implements PartyFields {
}
