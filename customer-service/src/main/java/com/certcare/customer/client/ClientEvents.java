package com.certcare.customer.client;

import java.util.List;

/**
 * Events about clients, published on topic {@value #TOPIC} with the client id as key. Schemas:
 * {@code src/main/resources/schemas/events/}.
 */
public final class ClientEvents {

    public static final String TOPIC = "customers";
    public static final String REGISTERED = "CustomerRegistered";
    public static final String UPDATED = "CustomerUpdated";
    public static final String DELETED = "CustomerDeleted";
    public static final int SCHEMA_VERSION = 1;

    private ClientEvents() {
    }

    /** The slim copy other services keep of a client (survey-service, feedback-service). */
    public record ClientData(long clientId, String name, String creditCode, String provinceCode, String city,
            List<String> professionalCodes, Contact primaryContact) {

        static ClientData of(Client c) {
            return new ClientData(c.id, c.name, c.creditCode, c.provinceCode, c.city,
                    List.copyOf(new java.util.TreeSet<>(c.professionalCodes)),
                    c.contacts.stream().filter(Contact::primary).findFirst().orElse(null));
        }
    }

    public record Updated(ClientData client, List<String> changedFields) {
    }

    public record Deleted(long clientId) {
    }
}
