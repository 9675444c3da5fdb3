package com.certcare.customer.exchange;

import java.util.ArrayList;
import java.util.List;

import com.certcare.customer.certification.CertificationInput;
import com.certcare.customer.customer.CustomerInput;
import com.certcare.customer.customer.Contact;

/**
 * A row's cells over what is registered: a row changes only the fields whose columns the file has, keeps the
 * contacts it does not name (with their roles), and makes the contact it names the primary one.
 */
final class LedgerMerge {

    private LedgerMerge() {
    }

    /**
     * The customer as the row has it: the file's columns over the registered data ({@code base}, null if new). Its
     * 专业代码 are the registered ones and those of the customer's rows without a record ({@code rows}); a record
     * row's codes are its record's, which join the list when the record is written.
     */
    static CustomerInput customerInput(LedgerRow cells, List<LedgerRow> rows, CustomerInput base) {
        CustomerInput b = base != null ? base : CustomerInput.builder().build();
        java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>(
                b.professionalCodes() == null ? List.of() : b.professionalCodes());
        for (LedgerRow row : rows) {
            List<String> own = row.hasRecord() ? null : row.professionalCodes();
            if (own != null) {
                codes.addAll(own);
            }
        }
        return b.toBuilder().name(cells.pick(LedgerColumn.NAME, b.name()))
                .creditCode(cells.text(LedgerColumn.CREDIT_CODE))
                .provinceCode(cells.has(LedgerColumn.PROVINCE) ? cells.province() : b.provinceCode())
                .city(cells.pick(LedgerColumn.CITY, b.city())).address(cells.pick(LedgerColumn.ADDRESS, b.address()))
                .postalCode(cells.pick(LedgerColumn.POSTAL_CODE, b.postalCode()))
                .contacts(contacts(cells, b.contacts())).professionalCodes(List.copyOf(codes))
                .remarks(cells.pick(LedgerColumn.REMARKS, b.remarks())).build();
    }

    /**
     * The registered contacts with the row's contact merged in: the contact the row names (by name; without a
     * name, the primary one) gets the row's phone and email where the file has those columns, keeps its role,
     * and becomes the primary contact; a name not registered is added. No contact is removed.
     */
    private static List<Contact> contacts(LedgerRow cells, List<Contact> base) {
        List<Contact> contacts = new ArrayList<>(base == null ? List.of() : base);
        String name = cells.text(LedgerColumn.CONTACT_NAME);
        String phone = cells.text(LedgerColumn.CONTACT_PHONE);
        String email = cells.text(LedgerColumn.CONTACT_EMAIL);
        int target = -1;
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            if (name != null ? name.equals(c.name() == null ? null : c.name().strip()) : c.primary()) {
                target = i;
                break;
            }
        }
        if (target < 0) {
            if (name == null && phone == null && email == null) {
                return contacts;
            }
            contacts.replaceAll(c -> new Contact(c.name(), c.role(), c.phone(), c.email(), false));
            contacts.add(0, new Contact(name, null, phone, email, true));
            return contacts;
        }
        Contact c = contacts.get(target);
        Contact merged = new Contact(c.name(), c.role(),
                cells.has(LedgerColumn.CONTACT_PHONE) ? phone : c.phone(),
                cells.has(LedgerColumn.CONTACT_EMAIL) ? email : c.email(), true);
        for (int i = 0; i < contacts.size(); i++) {
            Contact other = contacts.get(i);
            contacts.set(i, i == target ? merged
                    : other.primary() ? new Contact(other.name(), other.role(), other.phone(), other.email(), false) : other);
        }
        return contacts;
    }

    /** The record as the row has it: the file's columns over the registered record ({@code base}, null if new). */
    static CertificationInput certificationInput(LedgerRow cells, CertificationInput base) {
        CertificationInput b = base != null ? base
                : CertificationInput.builder().auditDates(new CertificationInput.AuditDates(null, null, List.of(), List.of()))
                        .build();
        CertificationInput.AuditDates d = b.auditDates();
        // read in column order: a cell that cannot be read is reported as it is met
        CertificationInput.Builder in = b.toBuilder().status(null)
                .scheme(cells.pick(LedgerColumn.SCHEME, b.scheme()))
                .contractNo(cells.pick(LedgerColumn.CONTRACT_NO, b.contractNo()))
                .certificateNo(cells.pick(LedgerColumn.CERTIFICATE_NO, b.certificateNo()))
                .scope(cells.pick(LedgerColumn.SCOPE, b.scope()))
                .scopeEn(cells.pick(LedgerColumn.SCOPE_EN, b.scopeEn()));
        List<String> codes = cells.professionalCodes();
        if (codes != null) {
            in.professionalCodes(codes);
        }
        if (cells.has(LedgerColumn.APPLICATION_ACCEPTED_ON)) {
            in.applicationAcceptedOn(cells.date(LedgerColumn.APPLICATION_ACCEPTED_ON));
        }
        if (cells.has(LedgerColumn.DECISION_ON)) {
            in.decisionOn(cells.date(LedgerColumn.DECISION_ON));
        }
        in.auditDates(new CertificationInput.AuditDates(
                cells.has(LedgerColumn.STAGE1_ON) ? cells.date(LedgerColumn.STAGE1_ON) : d.stage1(),
                cells.has(LedgerColumn.STAGE2_ON) ? cells.date(LedgerColumn.STAGE2_ON) : d.stage2(),
                cells.has(LedgerColumn.SURVEILLANCE_AUDIT_ON) ? cells.dates(LedgerColumn.SURVEILLANCE_AUDIT_ON)
                        : d.surveillance(),
                cells.has(LedgerColumn.RECERTIFICATION_AUDIT_ON) ? cells.dates(LedgerColumn.RECERTIFICATION_AUDIT_ON)
                        : d.recertification()));
        if (cells.has(LedgerColumn.INITIAL_AUDIT_FEE)) {
            in.initialAuditFee(cells.money(LedgerColumn.INITIAL_AUDIT_FEE));
        }
        if (cells.has(LedgerColumn.SURVEILLANCE_FEE)) {
            in.surveillanceFee(cells.money(LedgerColumn.SURVEILLANCE_FEE));
        }
        if (cells.has(LedgerColumn.IMPLEMENTED_ON)) {
            in.implementedOn(cells.date(LedgerColumn.IMPLEMENTED_ON));
        }
        if (cells.has(LedgerColumn.ISSUED_ON)) {
            in.issuedOn(cells.date(LedgerColumn.ISSUED_ON));
        }
        if (cells.has(LedgerColumn.EXPIRES_ON)) {
            in.expiresOn(cells.date(LedgerColumn.EXPIRES_ON));
        }
        return in.build();
    }
}
