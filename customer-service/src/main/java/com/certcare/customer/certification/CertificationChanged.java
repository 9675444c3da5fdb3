package com.certcare.customer.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A record changed by a user or a rule, told synchronously inside the transaction that changed it (CDI), so what
 * follows from it (the national report records) is written or lost with the change itself.
 *
 * @param from               its status before; equal to its status now when only data changed
 * @param fields             the fields that changed, as the history names them
 * @param surveillanceBefore the surveillance audit dates it had before
 */
public record CertificationChanged(Certification record, CertificationStatus from, List<String> fields,
        Set<LocalDate> surveillanceBefore, String reason) {

    /** The surveillance audit dates it has now and did not have before. */
    public List<LocalDate> newSurveillanceAudits() {
        return record.auditDates.stream().filter(a -> a.kind() == AuditDate.Kind.SURVEILLANCE).map(AuditDate::on)
                .filter(d -> !surveillanceBefore.contains(d)).sorted().toList();
    }

    static Set<LocalDate> surveillanceOf(Certification c) {
        return c.auditDates.stream().filter(a -> a.kind() == AuditDate.Kind.SURVEILLANCE).map(AuditDate::on)
                .collect(java.util.stream.Collectors.toSet());
    }
}
