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
    /**
     * The record's 专业代码 (scheme and scope); on a row without a record, the customer's. On import a record row
     * sets its record's codes and a row without a record adds to the customer's: the customer's list is the union
     * of its records' codes and its own, and the import removes none from it.
     */
    PROFESSIONAL_CODES("professionalCodes"),
    SCOPE("scope"),
    SCOPE_EN("scopeEn"),
    REMARKS("remarks"),
    /** The customer's grade in force (分等分级), as labelled: set by grading, so the import does not read it. */
    GRADE("grade", false),
    /** The customer's version when exported: a later change in CertCare makes the row a conflict on import. */
    CUSTOMER_VERSION("customerVersion"),
    /** The certification record's id: the import updates exactly that record. */
    RECORD_ID("recordId"),
    /** The record's version when exported. */
    RECORD_VERSION("recordVersion");

    /** Separator of several values in one cell (dates, professional codes). */
    public static final String LIST_SEPARATOR = ";";

    public final String key;
    /** Whether the import reads the column; one it does not is listed among the file's ignored columns. */
    public final boolean imported;

    LedgerColumn(String key) {
        this(key, true);
    }

    LedgerColumn(String key, boolean imported) {
        this.key = key;
        this.imported = imported;
    }

    /** Field paths of the API's rules (indices left out) → the ledger column the value came from. */
    private static final java.util.Map<String, LedgerColumn> BY_FIELD = java.util.Map.ofEntries(
            java.util.Map.entry("name", NAME), java.util.Map.entry("creditCode", CREDIT_CODE),
            java.util.Map.entry("creditCodeOverrideReason", CREDIT_CODE), java.util.Map.entry("provinceCode", PROVINCE),
            java.util.Map.entry("city", CITY), java.util.Map.entry("address", ADDRESS),
            java.util.Map.entry("postalCode", POSTAL_CODE), java.util.Map.entry("contacts", CONTACT_NAME),
            java.util.Map.entry("contacts.name", CONTACT_NAME), java.util.Map.entry("contacts.role", CONTACT_NAME),
            java.util.Map.entry("contacts.phone", CONTACT_PHONE), java.util.Map.entry("contacts.email", CONTACT_EMAIL),
            java.util.Map.entry("professionalCodes", PROFESSIONAL_CODES), java.util.Map.entry("remarks", REMARKS),
            java.util.Map.entry("scheme", SCHEME), java.util.Map.entry("status", STATUS),
            java.util.Map.entry("contractNo", CONTRACT_NO), java.util.Map.entry("certificateNo", CERTIFICATE_NO),
            java.util.Map.entry("scope", SCOPE), java.util.Map.entry("scopeEn", SCOPE_EN),
            java.util.Map.entry("initialAuditFee", INITIAL_AUDIT_FEE),
            java.util.Map.entry("surveillanceFee", SURVEILLANCE_FEE), java.util.Map.entry("decisionOn", DECISION_ON),
            java.util.Map.entry("issuedOn", ISSUED_ON), java.util.Map.entry("expiresOn", EXPIRES_ON),
            java.util.Map.entry("applicationAcceptedOn", APPLICATION_ACCEPTED_ON),
            java.util.Map.entry("implementedOn", IMPLEMENTED_ON), java.util.Map.entry("auditDates.stage1", STAGE1_ON),
            java.util.Map.entry("auditDates.stage2", STAGE2_ON),
            java.util.Map.entry("auditDates.surveillance", SURVEILLANCE_AUDIT_ON),
            java.util.Map.entry("auditDates.recertification", RECERTIFICATION_AUDIT_ON));

    /**
     * The column a rule's field path ({@code contacts[1].phone}) came from. A field no column carries is a
     * programming error — a new rule without its column — and fails loudly rather than being blamed on another
     * column.
     */
    public static LedgerColumn forField(String field) {
        LedgerColumn column = BY_FIELD.get(field.replaceAll("\\[\\d+]", ""));
        if (column == null) {
            throw new IllegalArgumentException("no ledger column for the field " + field);
        }
        return column;
    }

    public String header(Messages messages, Locale locale) {
        return messages.get(locale, "column." + key);
    }
}
