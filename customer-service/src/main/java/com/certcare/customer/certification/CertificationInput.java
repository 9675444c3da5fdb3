package com.certcare.customer.certification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a caller sends to create or update a certification record. {@code version} is required on update. */
@Schema(name = "CertificationInput")
public record CertificationInput(
        @Schema(examples = "QMS") String scheme,
        String contractNo,
        String certificateNo,
        @Schema(description = "Certification scope in Chinese") String scope,
        @Schema(description = "Certification scope in English") String scopeEn,
        LocalDate applicationAcceptedOn,
        @Schema(description = "Certification decision date; planned surveillance counts from it") LocalDate decisionOn,
        AuditDates auditDates,
        @Schema(description = "CNY, at most 2 decimals", examples = "12000.00") BigDecimal initialAuditFee,
        @Schema(description = "CNY, at most 2 decimals", examples = "6000.00") BigDecimal surveillanceFee,
        LocalDate implementedOn,
        @Schema(description = "Initial status on create (default APPLYING); ignored on update — use the transition") CertificationStatus status,
        LocalDate issuedOn,
        LocalDate expiresOn,
        Integer version) {

    /** The same data, sent as an update of the record read at {@code version}. */
    public CertificationInput withVersion(int version) {
        return new CertificationInput(scheme, contractNo, certificateNo, scope, scopeEn, applicationAcceptedOn, decisionOn,
                auditDates, initialAuditFee, surveillanceFee, implementedOn, null, issuedOn, expiresOn, version);
    }

    /** The record as it is, as input: the base an import row changes column by column. */
    public static CertificationInput of(Certification c) {
        java.util.function.Function<AuditDate.Kind, List<LocalDate>> dates = kind -> c.auditDates.stream()
                .filter(a -> a.kind() == kind).map(AuditDate::on).sorted().toList();
        List<LocalDate> stage1 = dates.apply(AuditDate.Kind.STAGE1);
        List<LocalDate> stage2 = dates.apply(AuditDate.Kind.STAGE2);
        return new CertificationInput(c.scheme, c.contractNo, c.certificateNo, c.scope, c.scopeEn,
                c.applicationAcceptedOn, c.decisionOn,
                new AuditDates(stage1.isEmpty() ? null : stage1.get(0), stage2.isEmpty() ? null : stage2.get(0),
                        dates.apply(AuditDate.Kind.SURVEILLANCE), dates.apply(AuditDate.Kind.RECERTIFICATION)),
                c.initialAuditFee, c.surveillanceFee, c.implementedOn, null, c.issuedOn, c.expiresOn, c.version);
    }

    /** Audit dates by kind, as the market department records them. */
    @Schema(name = "AuditDates")
    public record AuditDates(LocalDate stage1, LocalDate stage2, List<LocalDate> surveillance,
            List<LocalDate> recertification) {

        Set<AuditDate> toSet() {
            Set<AuditDate> set = new HashSet<>();
            if (stage1 != null) {
                set.add(new AuditDate(AuditDate.Kind.STAGE1, stage1));
            }
            if (stage2 != null) {
                set.add(new AuditDate(AuditDate.Kind.STAGE2, stage2));
            }
            if (surveillance != null) {
                surveillance.stream().filter(d -> d != null)
                        .forEach(d -> set.add(new AuditDate(AuditDate.Kind.SURVEILLANCE, d)));
            }
            if (recertification != null) {
                recertification.stream().filter(d -> d != null)
                        .forEach(d -> set.add(new AuditDate(AuditDate.Kind.RECERTIFICATION, d)));
            }
            return set;
        }

        static AuditDates of(Set<AuditDate> dates) {
            LocalDate s1 = null;
            LocalDate s2 = null;
            List<LocalDate> surv = new java.util.ArrayList<>();
            List<LocalDate> recert = new java.util.ArrayList<>();
            for (AuditDate d : dates) {
                switch (d.kind()) {
                    case STAGE1 -> s1 = d.on();
                    case STAGE2 -> s2 = d.on();
                    case SURVEILLANCE -> surv.add(d.on());
                    case RECERTIFICATION -> recert.add(d.on());
                }
            }
            surv.sort(null);
            recert.sort(null);
            return new AuditDates(s1, s2, surv, recert);
        }
    }

    /** Contract and certificate numbers: upper case, no spaces (as CNCA reporting wants them). */
    public static String normalizeNumber(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        return number.replaceAll("\\s+", "").toUpperCase();
    }

    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
