package com.certcare.customer.certification;

import com.certcare.customer.customer.Customer;
import com.certcare.customer.customer.Contact;
import com.certcare.customer.customer.SystemChangeView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


/** A customer as the API shows it; {@code certifications} only in the detail and list views. */
@Schema(name = "Customer", requiredProperties = { "id", "name", "creditCode", "provinceCode", "contacts", "professionalCodes",
        "version", "createdBy", "createdAt", "updatedBy", "updatedAt" })
public record CustomerView(
        Long id,
        String name,
        String creditCode,
        String creditCodeOverrideReason,
        String provinceCode,
        String provinceName,
        String city,
        String address,
        String postalCode,
        List<Contact> contacts,
        List<String> professionalCodes,
        String remarks,
        @Schema(description = "Send it back unchanged on update; a stale one gets 409") int version,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        List<CertificationView> certifications,
        @Schema(description = "Earliest expiry among the live (valid, suspended) certificates; the list's expiresOn sort")
        LocalDate expiresOn,
        @Schema(description = "Next planned surveillance of a live certificate, today or later; the list's nextSurveillanceOn sort")
        LocalDate nextSurveillanceOn,
        @Schema(description = "Management-system changes the customer reported (17021-1 8.5) that the market department"
                + " has not yet acknowledged as evaluated, oldest report first")
        List<SystemChangeView> openSystemChanges,
        @Schema(description = "The grade in force (分等分级, 4.2.3): A, B, C or D; null while ungraded. Details at /grade")
        String grade) {
}
