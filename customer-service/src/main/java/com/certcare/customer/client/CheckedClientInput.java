package com.certcare.customer.client;

/**
 * A {@link ClientInput} that {@link ClientRules} found valid. Only ClientRules makes one, so a method that takes it
 * (the consumer's and the import's way in) cannot be handed data that skipped the rules.
 */
public final class CheckedClientInput {

    private final ClientInput input;

    CheckedClientInput(ClientInput input) {
        this.input = input;
    }

    public ClientInput input() {
        return input;
    }
}
