package com.certcare.application.party;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.platform.identity.ContactFormats;
import com.certcare.platform.identity.CreditCode;
import com.certcare.platform.problem.Violations;
import com.certcare.platform.reference.ReferenceLists;

/**
 * The party's rules, the same on the application and the contract: name, the unified social credit code with its
 * GB 32100 check character (the platform's, as customer-service), legal representative, address, a known province,
 * a 6-digit postal code, the contact's name and phone, an e-mail when given.
 */
@ApplicationScoped
public class PartyRules {

    public static final int NAME_MAX = 200;
    public static final int SHORT_MAX = 50;
    public static final int ADDRESS_MAX = 300;

    private final ReferenceLists reference;

    PartyRules(ReferenceLists reference) {
        this.reference = reference;
    }

    /** Names each bad field in {@code v}; returns the credit code normalised (upper case, no blanks), or null. */
    public String check(PartyFields in, Violations v) {
        v.text(in.name(), true, NAME_MAX, "name");
        String code = CreditCode.normalize(in.creditCode());
        if (v.check(code != null && !code.isEmpty(), "creditCode", "required")) {
            switch (CreditCode.check(code)) {
                case MALFORMED -> v.check(false, "creditCode", "credit-code-format");
                case CHECK_DIGIT_MISMATCH -> v.check(false, "creditCode", "credit-code-check",
                        String.valueOf(CreditCode.checkCharacter(code.substring(0, 17))));
                case VALID -> { }
            }
        }
        v.text(in.legalRepresentative(), true, SHORT_MAX, "legalRepresentative");
        v.text(in.address(), true, ADDRESS_MAX, "address");
        if (v.text(in.provinceCode(), true, SHORT_MAX, "provinceCode")) {
            v.check(reference.isProvince(in.provinceCode().strip()), "provinceCode", "province-unknown");
        }
        v.text(in.city(), false, SHORT_MAX, "city");
        if (v.text(in.postalCode(), true, SHORT_MAX, "postalCode")) {
            v.check(ContactFormats.isPostalCode(in.postalCode().strip()), "postalCode", "postal-code");
        }
        v.text(in.contactName(), true, SHORT_MAX, "contactName");
        if (v.text(in.contactPhone(), true, SHORT_MAX, "contactPhone")) {
            v.check(ContactFormats.isPhone(in.contactPhone()), "contactPhone", "phone");
        }
        if (v.text(in.contactEmail(), false, NAME_MAX, "contactEmail") && in.contactEmail() != null
                && !in.contactEmail().isBlank()) {
            v.check(ContactFormats.isEmail(in.contactEmail().strip()), "contactEmail", "email");
        }
        return code;
    }
}
