package com.certcare.application.applying;

import java.time.Instant;
import java.util.List;

/**
 * Events about applications, published on topic {@value #TOPIC} with the reference as key. Schemas:
 * {@code src/main/resources/schemas/events/}.
 */
public final class ApplicationEvents {

    public static final String TOPIC = "applications";
    public static final String SUBMITTED = "ApplicationSubmitted";
    public static final String ACCEPTED = "ApplicationAccepted";
    public static final String REJECTED = "ApplicationRejected";
    public static final String WITHDRAWN = "ApplicationWithdrawn";
    public static final int SCHEMA_VERSION = 1;

    private ApplicationEvents() {
    }

    public record Submitted(long applicationId, String reference, String name, String creditCode, String provinceCode,
            List<String> schemes, Instant submittedAt, boolean enteredOnBehalf) {

        static Submitted of(Application a) {
            return new Submitted(a.id, a.reference, a.name, a.creditCode, a.provinceCode, List.copyOf(a.schemes),
                    a.submittedAt, a.enteredOnBehalf);
        }
    }

    public record Organisation(String name, String creditCode, String legalRepresentative, String address,
            String provinceCode, String city, String postalCode) {
    }

    public record ContactPerson(String name, String phone, String email) {
    }

    /** Everything a contract (16-02) needs of the accepted application. */
    public record Accepted(long applicationId, String reference, Organisation organisation, ContactPerson contact,
            List<String> schemes, String scope, String scopeEn, List<Site> sites, int headCount, Integer shifts,
            String outsourcedProcesses, String language, java.math.BigDecimal auditDays, String reasons,
            Instant submittedAt, Instant acceptedAt, String acceptedBy) {

        static Accepted of(Application a, String actor) {
            return new Accepted(a.id, a.reference,
                    new Organisation(a.name, a.creditCode, a.legalRepresentative, a.address, a.provinceCode, a.city,
                            a.postalCode),
                    new ContactPerson(a.contactName, a.contactPhone, a.contactEmail), List.copyOf(a.schemes), a.scope,
                    a.scopeEn, List.copyOf(a.sites), a.headCount, a.shifts, a.outsourcedProcesses, a.language,
                    a.auditDays, a.decisionReasons, a.submittedAt, a.decidedAt, actor);
        }
    }

    public record Rejected(long applicationId, String reference, String name, String creditCode, String reasons,
            Instant rejectedAt) {

        static Rejected of(Application a) {
            return new Rejected(a.id, a.reference, a.name, a.creditCode, a.decisionReasons, a.decidedAt);
        }
    }

    public record Withdrawn(long applicationId, String reference, ApplicationStatus previousStatus, String reason,
            String withdrawnBy, Instant withdrawnAt) {
    }
}
