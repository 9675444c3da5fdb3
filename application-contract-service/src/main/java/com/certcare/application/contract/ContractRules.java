package com.certcare.application.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.application.party.PartyRules;
import com.certcare.platform.problem.Violations;

/** What contract terms must be (the party as on the application: {@link PartyRules}): every bad field named at once, nothing written on any. */
@ApplicationScoped
public class ContractRules {

    static final int TEXT_MAX = 4000;
    static final int TERMS_MAX = 2000;
    /** 12 digits before the point: up to 999,999,999,999.99 CNY (the event's pattern). */
    static final BigDecimal FEE_MAX = new BigDecimal("999999999999.99");

    private final PartyRules party;

    ContractRules(PartyRules party) {
        this.party = party;
    }

    public CheckedContractInput check(ContractInput in, Violations v) {
        v.check(in.version() != null, "version", "required");
        String code = party.check(in, v);
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
