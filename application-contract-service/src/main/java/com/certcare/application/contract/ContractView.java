package com.certcare.application.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A contract as staff see it. */
@Schema(name = "Contract")
public record ContractView(
        @Schema(required = true) long id,
        @Schema(required = true, description = "From certcare.contracts.number-pattern, e.g. ZLCC-2026-0001") String number,
        @Schema(required = true) String formNumber,
        @Schema(required = true) long applicationId,
        @Schema(required = true) String applicationReference,
        @Schema(required = true) ContractStatus status,
        @Schema(required = true, description = "Statuses it may move to next") List<ContractStatus> allowedTransitions,
        @Schema(required = true) String name,
        @Schema(required = true) String creditCode,
        String legalRepresentative,
        String address,
        @Schema(required = true) String provinceCode,
        String provinceName,
        String city,
        String postalCode,
        String contactName,
        String contactPhone,
        String contactEmail,
        @Schema(required = true) List<String> schemes,
        String scope,
        String scopeEn,
        @Schema(required = true) List<ContractSite> sites,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, format = "decimal",
                description = "CNY as an exact decimal string", examples = "12000.00") BigDecimal initialAuditFee,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, format = "decimal",
                description = "CNY per surveillance audit", examples = "6000.00") BigDecimal surveillanceFee,
        String paymentTerms,
        LocalDate applicationAcceptedOn,
        @Schema(required = true) LocalDate draftedOn,
        Instant sentAt,
        LocalDate signedOn,
        Instant terminatedAt,
        String terminationReason,
        @Schema(required = true, description = "Send it back unchanged with a change; a stale one gets 409") int version,
        @Schema(required = true) String createdBy,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) String updatedBy,
        @Schema(required = true) Instant updatedAt) {
}
