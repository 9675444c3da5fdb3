package com.certcare.customer.certification;

import com.certcare.customer.customer.Customer;
import com.certcare.customer.customer.SystemChangeView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.customer.reference.ReferenceData;
import com.certcare.platform.reference.ReferenceEntry;

/** Maps customers to their API view, with the province's name and, when given, their certifications. */
@ApplicationScoped
public class CustomerViews {

    private final ReferenceData reference;
    private final Clock clock;

    CustomerViews(ReferenceData reference, Clock clock) {
        this.reference = reference;
        this.clock = clock;
    }

    /** The customer with its records (null: not shown) and its open management-system changes (null: none). */
    public CustomerView of(Customer c, List<Certification> certifications, List<SystemChangeView> openSystemChanges) {
        return new CustomerView(c.id, c.name, c.creditCode, c.creditCodeOverrideReason, c.provinceCode,
                reference.province(c.provinceCode).map(ReferenceEntry::nameZh).orElse(null), c.city, c.address,
                c.postalCode, List.copyOf(c.contacts), List.copyOf(new TreeSet<>(c.professionalCodes)), c.remarks,
                c.version, c.createdBy, c.createdAt, c.updatedBy, c.updatedAt,
                certifications == null ? null : certifications.stream().map(CertificationView::of).toList(),
                certifications == null ? null : CertificationSummary.liveExpiry(certifications),
                certifications == null ? null : CertificationSummary.nextSurveillance(certifications, LocalDate.now(clock)),
                openSystemChanges == null ? List.of() : List.copyOf(openSystemChanges), c.grade);
    }
}
