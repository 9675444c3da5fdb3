package com.certcare.application.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the contract (认证合同, form 16-02) prints; the contract aggregate maps itself into it. The certification body
 * (the other party) comes from {@code certcare.body.*}, added by {@link PdfRenderer}.
 *
 * @param formNumber           the form's number (certcare.contracts.form-number, ZLCX-16-02)
 * @param contractNumber       the contract's number (ZLCC-2026-0001)
 * @param customer             the customer party
 * @param schemes              the schemes contracted
 * @param scope                the scope of certification
 * @param sites                the sites covered
 * @param initialAuditFee      CNY, scale 2
 * @param surveillanceAuditFee CNY, scale 2, per surveillance audit
 * @param paymentTerms         free text
 * @param draftedOn            the date the contract was drawn up
 * @param signedOn             the date it was signed (null: blank lines to fill in by hand)
 */
public record ContractDocument(String formNumber, String contractNumber, Organisation customer, List<Scheme> schemes,
        String scope, List<Site> sites, BigDecimal initialAuditFee, BigDecimal surveillanceAuditFee, String paymentTerms,
        LocalDate draftedOn, LocalDate signedOn) {

    public ContractDocument {
        schemes = schemes == null ? List.of() : List.copyOf(schemes);
        sites = sites == null ? List.of() : List.copyOf(sites);
    }
}
