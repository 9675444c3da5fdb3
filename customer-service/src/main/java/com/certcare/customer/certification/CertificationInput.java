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
        @Schema(description = "专业代码 of this certification (scheme and scope), NN.NN.NN; added to the customer's list (the union the search and filters use). Absent (null): unchanged on update; [] clears them") List<String> professionalCodes,
        Integer version) {

    /** The same data, sent as an update of the record read at {@code version}. */
    public CertificationInput withVersion(int version) {
        return toBuilder().status(null).version(version).build();
    }

    /** The record as it is, as input: the base an import row changes column by column. */
    public static CertificationInput of(Certification c) {
        java.util.function.Function<AuditDate.Kind, List<LocalDate>> dates = kind -> c.auditDates.stream()
                .filter(a -> a.kind() == kind).map(AuditDate::on).sorted().toList();
        List<LocalDate> stage1 = dates.apply(AuditDate.Kind.STAGE1);
        List<LocalDate> stage2 = dates.apply(AuditDate.Kind.STAGE2);
        return builder().scheme(c.scheme).contractNo(c.contractNo).certificateNo(c.certificateNo).scope(c.scope)
                .scopeEn(c.scopeEn).applicationAcceptedOn(c.applicationAcceptedOn).decisionOn(c.decisionOn)
                .auditDates(new AuditDates(stage1.isEmpty() ? null : stage1.get(0), stage2.isEmpty() ? null : stage2.get(0),
                        dates.apply(AuditDate.Kind.SURVEILLANCE), dates.apply(AuditDate.Kind.RECERTIFICATION)))
                .initialAuditFee(c.initialAuditFee).surveillanceFee(c.surveillanceFee).implementedOn(c.implementedOn)
                .issuedOn(c.issuedOn).expiresOn(c.expiresOn).professionalCodes(List.copyOf(c.professionalCodes))
                .version(c.version).build();
    }

    /** An input built field by field, by name: every field not set is absent (null). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this input's fields, to change some of them. */
    public Builder toBuilder() {
        return new Builder().scheme(scheme).contractNo(contractNo).certificateNo(certificateNo).scope(scope)
                .scopeEn(scopeEn).applicationAcceptedOn(applicationAcceptedOn).decisionOn(decisionOn)
                .auditDates(auditDates).initialAuditFee(initialAuditFee).surveillanceFee(surveillanceFee)
                .implementedOn(implementedOn).status(status).issuedOn(issuedOn).expiresOn(expiresOn)
                .professionalCodes(professionalCodes).version(version);
    }

    /**
     * Names each field where it is set: fifteen positional arguments, most of them null in a contract or an
     * import row, were one transposed pair of dates away from a wrong record that every check lets through.
     */
    public static final class Builder {
        private String scheme;
        private String contractNo;
        private String certificateNo;
        private String scope;
        private String scopeEn;
        private LocalDate applicationAcceptedOn;
        private LocalDate decisionOn;
        private AuditDates auditDates;
        private BigDecimal initialAuditFee;
        private BigDecimal surveillanceFee;
        private LocalDate implementedOn;
        private List<String> professionalCodes;
        private CertificationStatus status;
        private LocalDate issuedOn;
        private LocalDate expiresOn;
        private Integer version;

        private Builder() {
        }

        public Builder scheme(String scheme) {
            this.scheme = scheme;
            return this;
        }

        public Builder contractNo(String contractNo) {
            this.contractNo = contractNo;
            return this;
        }

        public Builder certificateNo(String certificateNo) {
            this.certificateNo = certificateNo;
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        public Builder scopeEn(String scopeEn) {
            this.scopeEn = scopeEn;
            return this;
        }

        public Builder applicationAcceptedOn(LocalDate applicationAcceptedOn) {
            this.applicationAcceptedOn = applicationAcceptedOn;
            return this;
        }

        public Builder decisionOn(LocalDate decisionOn) {
            this.decisionOn = decisionOn;
            return this;
        }

        public Builder auditDates(AuditDates auditDates) {
            this.auditDates = auditDates;
            return this;
        }

        public Builder initialAuditFee(BigDecimal initialAuditFee) {
            this.initialAuditFee = initialAuditFee;
            return this;
        }

        public Builder surveillanceFee(BigDecimal surveillanceFee) {
            this.surveillanceFee = surveillanceFee;
            return this;
        }

        public Builder implementedOn(LocalDate implementedOn) {
            this.implementedOn = implementedOn;
            return this;
        }

        /** The status to create the record in; an update leaves it null (status changes are transitions). */
        public Builder status(CertificationStatus status) {
            this.status = status;
            return this;
        }

        public Builder issuedOn(LocalDate issuedOn) {
            this.issuedOn = issuedOn;
            return this;
        }

        public Builder expiresOn(LocalDate expiresOn) {
            this.expiresOn = expiresOn;
            return this;
        }

        /** The version last read; required on update. */
        public Builder professionalCodes(List<String> professionalCodes) {
            this.professionalCodes = professionalCodes;
            return this;
        }

        public Builder version(Integer version) {
            this.version = version;
            return this;
        }

        public CertificationInput build() {
            return new CertificationInput(scheme, contractNo, certificateNo, scope, scopeEn, applicationAcceptedOn,
                    decisionOn, auditDates, initialAuditFee, surveillanceFee, implementedOn, status, issuedOn, expiresOn,
                    professionalCodes, version);
        }
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

    /**
     * An amount with two decimals. One with more (which the rules refuse) is kept as it is rather than rounded or
     * refused here: comparing unchecked input with a record must show it, not fail on it.
     */
    static BigDecimal money(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        return amount.stripTrailingZeros().scale() <= 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : amount;
    }
}
