package com.certcare.application.party;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import com.certcare.platform.history.Snapshot;
import com.certcare.platform.persistence.AuditedEntity;

/**
 * The client organisation as a form names it (申请方 / 委托方): identity, where it is, whom to call. The application
 * (16-01) declares it; the contract (16-02) takes it over and may correct it. Same columns in both tables.
 */
@MappedSuperclass
public abstract class PartyEntity extends AuditedEntity {

    public String name;
    @Column(name = "credit_code")
    public String creditCode;
    @Column(name = "legal_representative")
    public String legalRepresentative;
    public String address;
    @Column(name = "province_code")
    public String provinceCode;
    public String city;
    @Column(name = "postal_code")
    public String postalCode;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "contact_email")
    public String contactEmail;

    /** Takes over the party of another record (a contract drawn up from its application). */
    protected void copyParty(PartyEntity from) {
        name = from.name;
        creditCode = from.creditCode;
        legalRepresentative = from.legalRepresentative;
        address = from.address;
        provinceCode = from.provinceCode;
        city = from.city;
        postalCode = from.postalCode;
        contactName = from.contactName;
        contactPhone = from.contactPhone;
        contactEmail = from.contactEmail;
    }

    /** The party's fields into a history snapshot. */
    protected Snapshot putParty(Snapshot s) {
        return s.put("name", name).put("creditCode", creditCode).put("legalRepresentative", legalRepresentative)
                .put("address", address).put("provinceCode", provinceCode).put("city", city).put("postalCode", postalCode)
                .put("contactName", contactName).put("contactPhone", contactPhone).put("contactEmail", contactEmail);
    }
}
