package com.certcare.customer.customer;

/**
 * A {@link CustomerInput} that {@link CustomerRules} found valid. Only CustomerRules makes one, so a method that takes it
 * (the consumer's and the import's way in) cannot be handed data that skipped the rules.
 */
public final class CheckedCustomerInput {

    private final CustomerInput input;

    CheckedCustomerInput(CustomerInput input) {
        this.input = input;
    }

    public CustomerInput input() {
        return input;
    }
}
