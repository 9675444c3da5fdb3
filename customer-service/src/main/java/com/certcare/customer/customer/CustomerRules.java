package com.certcare.customer.customer;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.platform.identity.ContactFormats;
import com.certcare.platform.identity.CreditCode;
import com.certcare.customer.reference.RecordLimits;
import com.certcare.customer.reference.ReferenceData;
import com.certcare.platform.problem.Violations;

/** Every check on a customer's data, collected so the caller hears of all bad fields at once. */
@ApplicationScoped
public class CustomerRules {

    static final String HONG_KONG = "810000";
    static final String MACAO = "820000";

    private final ReferenceData reference;

    private final RecordLimits limits;

    CustomerRules(ReferenceData reference, RecordLimits limits) {
        this.reference = reference;
        this.limits = limits;
    }

    /**
     * Adds to {@code v} every violation of {@code input}; {@code prefix} names the position in a larger document.
     * Returns the input as checked, or null when it broke a rule (then {@code v} says which): the caller reports all
     * of a request's violations at once and only then, with nothing found, goes on with what came back.
     */
    public CheckedCustomerInput check(CustomerInput input, Violations v, String prefix) {
        int found = v.list().size();
        v.text(input.name(), true, 200, prefix + "name");
        checkCreditCode(input, v, prefix);
        if (v.check(input.provinceCode() != null && !input.provinceCode().isBlank(), prefix + "provinceCode", "required")) {
            v.check(reference.province(input.provinceCode()).isPresent(), prefix + "provinceCode", "province-unknown");
        }
        v.text(input.city(), false, 100, prefix + "city");
        v.text(input.address(), false, 300, prefix + "address");
        checkPostalCode(input, v, prefix);
        checkContacts(input.contacts(), v, prefix);
        checkProfessionalCodes(input.professionalCodes(), v, prefix);
        v.text(input.remarks(), false, 2000, prefix + "remarks");
        v.text(input.creditCodeOverrideReason(), false, 500, prefix + "creditCodeOverrideReason");
        return v.list().size() == found ? new CheckedCustomerInput(input) : null;
    }

    private void checkCreditCode(CustomerInput input, Violations v, String prefix) {
        String code = input.normalizedCreditCode();
        String field = prefix + "creditCode";
        if (!v.check(code != null && !code.isEmpty(), field, "required")) {
            return;
        }
        switch (CreditCode.check(code)) {
            case MALFORMED -> v.check(false, field, "credit-code-malformed");
            case CHECK_DIGIT_MISMATCH -> v.check(input.creditCodeOverrideReason() != null
                    && !input.creditCodeOverrideReason().isBlank(), field, "credit-code-check-digit",
                    String.valueOf(CreditCode.checkCharacter(code.substring(0, 17))));
            case VALID -> { }
        }
    }

    private void checkPostalCode(CustomerInput input, Violations v, String prefix) {
        String code = input.postalCode();
        if (code == null || code.isBlank()) {
            return;
        }
        String field = prefix + "postalCode";
        if (!v.check(ContactFormats.isPostalCode(code), field, "postal-code")) {
            return;
        }
        if (HONG_KONG.equals(input.provinceCode())) {
            v.check(code.equals("999077"), field, "postal-code-region", "999077");
        } else if (MACAO.equals(input.provinceCode())) {
            v.check(code.equals("999078"), field, "postal-code-region", "999078");
        } else {
            v.check(!code.startsWith("9990"), field, "postal-code");
        }
    }

    private void checkContacts(List<Contact> contacts, Violations v, String prefix) {
        if (contacts == null || contacts.isEmpty()) {
            return;
        }
        v.check(contacts.size() <= limits.contacts(), prefix + "contacts", "too-many", limits.contacts());
        int primaries = 0;
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            String at = prefix + "contacts[" + i + "].";
            if (c == null) {
                v.check(false, at + "name", "required");
                continue;
            }
            v.text(c.name(), true, 50, at + "name");
            v.text(c.role(), false, 50, at + "role");
            if (c.phone() != null && !c.phone().isBlank()) {
                v.check(ContactFormats.isPhone(c.phone()), at + "phone", "phone");
            }
            if (c.email() != null && !c.email().isBlank()) {
                v.check(ContactFormats.isEmail(c.email()), at + "email", "email");
            }
            if (c.primary()) {
                primaries++;
            }
        }
        v.check(primaries == 1, prefix + "contacts", "one-primary-contact");
    }

    private void checkProfessionalCodes(List<String> codes, Violations v, String prefix) {
        reference.checkProfessionalCodes(codes, limits.professionalCodes(), v, prefix + "professionalCodes");
    }
}
