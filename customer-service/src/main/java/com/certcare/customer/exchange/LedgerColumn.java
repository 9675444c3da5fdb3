package com.certcare.customer.exchange;

import java.util.Locale;

import com.certcare.platform.problem.Messages;

/**
 * The columns of the customer ledger (客户信息台账), one row per certification record, in the order the
 * market department keeps them (clause 4.2.1). Header texts come from the message bundles
 * ({@code column.<key>}), so a body can rename them without code.
 */
public enum LedgerColumn {
    CONTRACT_NO("contractNo"),
    CERTIFICATE_NO("certificateNo"),
    NAME("name"),
    CREDIT_CODE("creditCode"),
    SCHEME("scheme"),
    STATUS("status"),
    APPLICATION_ACCEPTED_ON("applicationAcceptedOn"),
    STAGE1_ON("stage1On"),
    STAGE2_ON("stage2On"),
    SURVEILLANCE_AUDIT_ON("surveillanceAuditOn"),
    RECERTIFICATION_AUDIT_ON("recertificationAuditOn"),
    DECISION_ON("decisionOn"),
    INITIAL_AUDIT_FEE("initialAuditFee"),
    SURVEILLANCE_FEE("surveillanceFee"),
    PLANNED_SURVEILLANCE("plannedSurveillanceDates"),
    IMPLEMENTED_ON("implementedOn"),
    ISSUED_ON("issuedOn"),
    EXPIRES_ON("expiresOn"),
    PROVINCE("province"),
    CITY("city"),
    ADDRESS("address"),
    POSTAL_CODE("postalCode"),
    CONTACT_NAME("contactName"),
    CONTACT_PHONE("contactPhone"),
    CONTACT_EMAIL("contactEmail"),
    PROFESSIONAL_CODES("professionalCodes"),
    SCOPE("scope"),
    SCOPE_EN("scopeEn"),
    REMARKS("remarks"),
    /** The client's version when exported: a later change in CertCare makes the row a conflict on import. */
    CLIENT_VERSION("clientVersion"),
    /** The certification record's id: the import updates exactly that record. */
    RECORD_ID("recordId"),
    /** The record's version when exported. */
    RECORD_VERSION("recordVersion");

    /** Separator of several values in one cell (dates, professional codes). */
    public static final String LIST_SEPARATOR = ";";

    public final String key;

    LedgerColumn(String key) {
        this.key = key;
    }

    public String header(Messages messages, Locale locale) {
        return messages.get(locale, "column." + key);
    }
}
