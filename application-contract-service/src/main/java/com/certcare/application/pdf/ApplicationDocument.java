package com.certcare.application.pdf;

import java.time.LocalDate;
import java.util.List;

/**
 * What the application (认证申请书, form 16-01) prints; the application aggregate maps itself into it.
 *
 * @param formNumber              the form's number (GBCX-16-01, ZLCX-16-01: configuration of applications)
 * @param reference               the application's reference number
 * @param organisation            the applicant
 * @param schemes                 the schemes applied for
 * @param scope                   the scope applied for
 * @param sites                   its sites
 * @param headCount               people working under the management system
 * @param shifts                  the shifts worked, as the applicant describes them
 * @param outsourcedProcesses     processes done by others (null or blank: none)
 * @param existingCertifications  certificates the applicant holds already
 * @param consultancy             the consultancy used to build the system (17021-1 9.1.1; null: none)
 * @param submittedOn             the day it was submitted (null while a draft)
 * @param status                  the status as a reader should see it (已提交 / SUBMITTED), mapped by the aggregate
 */
public record ApplicationDocument(String formNumber, String reference, Organisation organisation, List<Scheme> schemes,
        String scope, List<Site> sites, Integer headCount, String shifts, String outsourcedProcesses,
        List<ExistingCertification> existingCertifications, String consultancy, LocalDate submittedOn, String status) {

    public ApplicationDocument {
        schemes = schemes == null ? List.of() : List.copyOf(schemes);
        sites = sites == null ? List.of() : List.copyOf(sites);
        existingCertifications = existingCertifications == null ? List.of() : List.copyOf(existingCertifications);
    }

    /** A certificate the applicant holds: its scheme, number, issuer and end of validity (may be null). */
    public record ExistingCertification(String scheme, String certificateNo, String issuer, LocalDate validUntil) {
    }
}
