package com.certcare.survey.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's reading of customer-service's {@code customers} events (customer-service
 * schemas/events/Customer*.json and CertificationStatusChanged.json, schemaVersion 1): only the fields it keeps.
 */
final class CustomerMessages {

    private CustomerMessages() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String email) {
    }

    /** CustomerRegistered's data, and CustomerUpdated's {@code customer}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Customer(Long customerId, String name, String provinceCode, List<String> professionalCodes,
            Contact primaryContact, String grade) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Updated(Customer customer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deleted(Long customerId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusChanged(Long customerId, Long certificationId, String scheme, String from, String to) {
    }
}
