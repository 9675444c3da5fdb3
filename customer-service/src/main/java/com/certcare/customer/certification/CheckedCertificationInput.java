package com.certcare.customer.certification;

/**
 * A {@link CertificationInput} that {@link CertificationRules} found valid for a record in {@link #status()}. Only
 * CertificationRules makes one, so a method that takes it cannot be handed data that skipped the rules.
 */
public final class CheckedCertificationInput {

    private final CertificationInput input;
    private final CertificationStatus status;

    CheckedCertificationInput(CertificationInput input, CertificationStatus status) {
        this.input = input;
        this.status = status;
    }

    public CertificationInput input() {
        return input;
    }

    /** The status the input was checked for: the one the record has, or is created in. */
    public CertificationStatus status() {
        return status;
    }
}
