package com.certcare.feedback.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's reading of customer-service's {@code customers} events (customer-service
 * schemas/events/Customer*.json, schemaVersion 1): only the fields it keeps; anything else is ignored.
 */
final class CustomerMessages {

    private CustomerMessages() {
    }

    /** CustomerRegistered's data, and CustomerUpdated's {@code customer}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Customer(Long customerId, String name, String creditCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Updated(Customer customer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deleted(Long customerId) {
    }
}
