package com.certcare.customer.certification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A certification record as the API shows it. */
@Schema(name = "Certification", requiredProperties = { "id", "customerId", "scheme", "auditDates", "plannedSurveillanceDates",
        "status", "allowedTransitions", "version" })
public record CertificationView(
        Long id,
        long customerId,
        String scheme,
        String contractNo,
        String certificateNo,
        String scope,
        String scopeEn,
        LocalDate applicationAcceptedOn,
        LocalDate decisionOn,
        CertificationInput.AuditDates auditDates,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, format = "decimal",
                description = "CNY as an exact decimal string", examples = "12000.00") BigDecimal initialAuditFee,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, format = "decimal",
                description = "CNY as an exact decimal string", examples = "6000.00") BigDecimal surveillanceFee,
        List<LocalDate> plannedSurveillanceDates,
        @Schema(description = "Why the planned dates were set by hand; null while they are computed") String surveillanceOverrideReason,
        LocalDate implementedOn,
        CertificationStatus status,
        @Schema(description = "Statuses this record may move to next") List<CertificationStatus> allowedTransitions,
        LocalDate issuedOn,
        LocalDate expiresOn,
        @Schema(description = "专业代码 of this certification") List<String> professionalCodes,
        int version,
        String updatedBy,
        Instant updatedAt) {

    public static CertificationView of(Certification c) {
        return new CertificationView(c.id, c.customerId, c.scheme, c.contractNo, c.certificateNo, c.scope, c.scopeEn,
                c.applicationAcceptedOn, c.decisionOn, CertificationInput.AuditDates.of(c.auditDates),
                c.initialAuditFee, c.surveillanceFee, List.copyOf(c.plannedSurveillance), c.surveillanceOverrideReason,
                c.implementedOn, c.status, List.copyOf(c.status.next()), c.issuedOn, c.expiresOn,
                List.copyOf(c.professionalCodes), c.version,
                c.updatedBy, c.updatedAt);
    }
}
