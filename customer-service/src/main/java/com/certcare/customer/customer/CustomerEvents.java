package com.certcare.customer.customer;

import java.util.List;

/**
 * Events about customers, published on topic {@value #TOPIC} with the customer id as key. Schemas:
 * {@code src/main/resources/schemas/events/}.
 */
public final class CustomerEvents {

    public static final String TOPIC = "customers";
    public static final String REGISTERED = "CustomerRegistered";
    public static final String UPDATED = "CustomerUpdated";
    public static final String DELETED = "CustomerDeleted";
    public static final int SCHEMA_VERSION = 1;

    private CustomerEvents() {
    }

    /** The slim copy other services keep of a customer (survey-service, feedback-service). */
    public record CustomerData(long customerId, String name, String creditCode, String provinceCode, String city,
            List<String> professionalCodes, Contact primaryContact, String grade) {

        static CustomerData of(Customer c) {
            return of(c, c.grade);
        }

        /** With the grade in force given: grading writes it with its own statement, past the loaded entity. */
        static CustomerData of(Customer c, String grade) {
            return new CustomerData(c.id, c.name, c.creditCode, c.provinceCode, c.city,
                    List.copyOf(new java.util.TreeSet<>(c.professionalCodes)),
                    c.contacts.stream().filter(Contact::primary).findFirst().orElse(null), grade);
        }
    }

    public record Updated(CustomerData customer, List<String> changedFields) {
    }

    public record Deleted(long customerId) {
    }
}
