package com.certcare.customer.certification;

import java.time.LocalDate;

/** Events about certification records, on the customers' topic keyed by customer id (one customer's events stay in order). */
public final class CertificationEvents {

    public static final String STATUS_CHANGED = "CertificationStatusChanged";
    public static final int SCHEMA_VERSION = 1;

    private CertificationEvents() {
    }

    /** {@code from} is null when the record was created in {@code to}. */
    public record StatusChanged(long customerId, long certificationId, String scheme, String certificateNo,
            CertificationStatus from, CertificationStatus to, String reason, LocalDate issuedOn, LocalDate expiresOn) {

        static StatusChanged of(Certification c, CertificationStatus from, String reason) {
            return new StatusChanged(c.customerId, c.id, c.scheme, c.certificateNo, from, c.status, reason, c.issuedOn,
                    c.expiresOn);
        }
    }
}
