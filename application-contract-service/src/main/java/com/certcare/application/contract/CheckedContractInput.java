package com.certcare.application.contract;

import java.math.BigDecimal;

/** Contract terms that passed {@link ContractRules}; only the rules make one, and only these reach a contract. */
public final class CheckedContractInput {
    final String name;
    final String creditCode;
    final String legalRepresentative;
    final String address;
    final String provinceCode;
    final String city;
    final String postalCode;
    final String contactName;
    final String contactPhone;
    final String contactEmail;
    final String scope;
    final String scopeEn;
    final BigDecimal initialAuditFee;
    final BigDecimal surveillanceFee;
    final String paymentTerms;

    CheckedContractInput(ContractInput in, String creditCode, BigDecimal initialAuditFee, BigDecimal surveillanceFee) {
        this.name = trim(in.name());
        this.creditCode = creditCode;
        this.legalRepresentative = trim(in.legalRepresentative());
        this.address = trim(in.address());
        this.provinceCode = trim(in.provinceCode());
        this.city = trim(in.city());
        this.postalCode = trim(in.postalCode());
        this.contactName = trim(in.contactName());
        this.contactPhone = trim(in.contactPhone());
        this.contactEmail = trim(in.contactEmail());
        this.scope = trim(in.scope());
        this.scopeEn = trim(in.scopeEn());
        this.initialAuditFee = initialAuditFee;
        this.surveillanceFee = surveillanceFee;
        this.paymentTerms = trim(in.paymentTerms());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
