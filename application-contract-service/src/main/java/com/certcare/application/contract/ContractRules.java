package com.certcare.application.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.platform.identity.ContactFormats;
import com.certcare.platform.identity.CreditCode;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.reference.ReferenceLists;

/** What contract terms must be: every bad field named at once, nothing written on any. */
@ApplicationScoped
public class ContractRules {

    static final int NAME_MAX = 200;
    static final int SHORT_MAX = 100;
    static final int ADDRESS_MAX = 300;
    static final int TEXT_MAX = 4000;
    static final int TERMS_MAX = 2000;
    /** 12 digits before the point: up to 999,999,999,999.99 CNY (the event's pattern). */
    static final BigDecimal FEE_MAX = new BigDecimal("999999999999.99");

    private final ReferenceLists reference;

    ContractRules(ReferenceLists reference) {
        this.reference = reference;
    }

    public CheckedContractInput check(ContractInput in, Violations v) {
        v.check(in.version() != null, "version", "required");
        v.text(in.name(), true, NAME_MAX, "name");
        String code = CreditCode.normalize(in.creditCode());
        if (v.check(code != null && !code.isEmpty(), "creditCode", "required")) {
            switch (CreditCode.check(code)) {
                case MALFORMED -> v.check(false, "creditCode", "credit-code-format");
                case CHECK_DIGIT_MISMATCH -> v.check(false, "creditCode", "credit-code-check",
                        CreditCode.checkCharacter(code.substring(0, 17)));
                default -> { }
            }
        }
        v.text(in.legalRepresentative(), false, SHORT_MAX, "legalRepresentative");
        v.text(in.address(), false, ADDRESS_MAX, "address");
        if (v.text(in.provinceCode(), true, SHORT_MAX, "provinceCode")) {
            v.check(reference.isProvince(in.provinceCode().strip()), "provinceCode", "province-unknown");
        }
        v.text(in.city(), false, SHORT_MAX, "city");
        if (v.text(in.postalCode(), false, SHORT_MAX, "postalCode") && in.postalCode() != null && !in.postalCode().isBlank()) {
            v.check(ContactFormats.isPostalCode(in.postalCode().strip()), "postalCode", "postal-code");
        }
        v.text(in.contactName(), false, SHORT_MAX, "contactName");
        if (v.text(in.contactPhone(), false, SHORT_MAX, "contactPhone") && in.contactPhone() != null
                && !in.contactPhone().isBlank()) {
            v.check(ContactFormats.isPhone(in.contactPhone()), "contactPhone", "phone");
        }
        if (v.text(in.contactEmail(), false, NAME_MAX, "contactEmail") && in.contactEmail() != null
                && !in.contactEmail().isBlank()) {
            v.check(ContactFormats.isEmail(in.contactEmail().strip()), "contactEmail", "email");
        }
        v.text(in.scope(), false, TEXT_MAX, "scope");
        v.text(in.scopeEn(), false, TEXT_MAX, "scopeEn");
        v.text(in.paymentTerms(), false, TERMS_MAX, "paymentTerms");
        BigDecimal initial = fee(in.initialAuditFee(), "initialAuditFee", v);
        BigDecimal surveillance = fee(in.surveillanceFee(), "surveillanceFee", v);
        return new CheckedContractInput(in, code, initial, surveillance);
    }

    /** CNY: not negative, at most two decimals and twelve digits before the point; kept at scale 2. */
    private static BigDecimal fee(BigDecimal fee, String field, Violations v) {
        if (fee == null) {
            return null;
        }
        boolean ok = v.check(fee.signum() >= 0, field, "fee-negative")
                && v.check(fee.stripTrailingZeros().scale() <= 2, field, "fee-scale")
                && v.check(fee.compareTo(FEE_MAX) <= 0, field, "fee-too-large");
        return ok ? fee.setScale(2, RoundingMode.UNNECESSARY) : null;
    }
}
