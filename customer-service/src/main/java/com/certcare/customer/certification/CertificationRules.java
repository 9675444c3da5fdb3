package com.certcare.customer.certification;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.customer.reference.ReferenceData;
import com.certcare.platform.problem.Violations;

/** Every check on a certification record's data, collected so the caller hears of all bad fields at once. */
@ApplicationScoped
public class CertificationRules {

    private static final BigDecimal MAX_FEE = new BigDecimal("999999999999.99");

    private final ReferenceData reference;

    private final com.certcare.customer.reference.RecordLimits limits;

    CertificationRules(ReferenceData reference, com.certcare.customer.reference.RecordLimits limits) {
        this.reference = reference;
        this.limits = limits;
    }

    /**
     * Adds to {@code v} every violation of {@code in} for a record in {@code status} (the status it will have; on
     * create the requested one). Returns the input as checked, or null when it broke a rule (then {@code v} says
     * which): the caller reports all of a request's violations at once and only then goes on with what came back.
     */
    public CheckedCertificationInput check(CertificationInput in, CertificationStatus status, Violations v, String prefix) {
        int found = v.list().size();
        reference.checkProfessionalCodes(in.professionalCodes(), limits.professionalCodes(), v, prefix + "professionalCodes");
        if (v.check(in.scheme() != null && !in.scheme().isBlank(), prefix + "scheme", "required")) {
            v.check(reference.isScheme(in.scheme()), prefix + "scheme", "scheme-unknown");
        }
        checkNumber(in.contractNo(), prefix + "contractNo", v);
        checkNumber(in.certificateNo(), prefix + "certificateNo", v);
        v.text(in.scope(), false, 4000, prefix + "scope");
        v.text(in.scopeEn(), false, 4000, prefix + "scopeEn");
        checkFee(in.initialAuditFee(), prefix + "initialAuditFee", v);
        checkFee(in.surveillanceFee(), prefix + "surveillanceFee", v);
        notBefore(in.decisionOn(), in.applicationAcceptedOn(), prefix + "decisionOn", "applicationAcceptedOn", v);
        notBefore(in.issuedOn(), in.decisionOn(), prefix + "issuedOn", "decisionOn", v);
        if (in.issuedOn() != null && in.expiresOn() != null) {
            v.check(in.expiresOn().isAfter(in.issuedOn()), prefix + "expiresOn", "after", "issuedOn");
        }
        if (in.auditDates() != null) {
            notBefore(in.auditDates().stage2(), in.auditDates().stage1(), prefix + "auditDates.stage2", "stage1", v);
            int max = limits.auditDates();
            if (in.auditDates().surveillance() != null) {
                v.check(in.auditDates().surveillance().size() <= max, prefix + "auditDates.surveillance", "too-many", max);
            }
            if (in.auditDates().recertification() != null) {
                v.check(in.auditDates().recertification().size() <= max, prefix + "auditDates.recertification",
                        "too-many", max);
            }
        }
        if (status != null && status.needsCertificate()) {
            v.check(in.certificateNo() != null && !in.certificateNo().isBlank(), prefix + "certificateNo",
                    "required-for-status", status);
            v.check(in.issuedOn() != null, prefix + "issuedOn", "required-for-status", status);
            v.check(in.expiresOn() != null, prefix + "expiresOn", "required-for-status", status);
        }
        return v.list().size() == found ? new CheckedCertificationInput(in, status) : null;
    }

    private static void checkNumber(String number, String field, Violations v) {
        String normalized = CertificationInput.normalizeNumber(number);
        if (normalized != null) {
            v.check(normalized.length() <= 60, field, "too-long", 60);
            v.check(normalized.matches("[\\p{IsHan}A-Z0-9()（）/._#-]+"), field, "identifier-format");
        }
    }

    private static void checkFee(BigDecimal fee, String field, Violations v) {
        if (fee == null) {
            return;
        }
        v.check(fee.signum() >= 0, field, "fee-negative");
        v.check(fee.stripTrailingZeros().scale() <= 2, field, "fee-scale");
        v.check(fee.compareTo(MAX_FEE) <= 0, field, "fee-too-large");
    }

    private static void notBefore(LocalDate later, LocalDate earlier, String field, String earlierName, Violations v) {
        if (later != null && earlier != null) {
            v.check(!later.isBefore(earlier), field, "not-before", earlierName);
        }
    }
}
