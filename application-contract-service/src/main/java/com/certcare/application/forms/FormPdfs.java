package com.certcare.application.forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.application.applying.Application;
import com.certcare.application.applying.ApplicationConfig;
import com.certcare.application.applying.ApplicationService;
import com.certcare.application.contract.Contract;
import com.certcare.application.contract.ContractConfig;
import com.certcare.application.contract.ContractService;
import com.certcare.application.pdf.ApplicationDocument;
import com.certcare.application.pdf.Contact;
import com.certcare.application.pdf.ContractDocument;
import com.certcare.application.pdf.Organisation;
import com.certcare.application.pdf.PdfRenderer;
import com.certcare.application.pdf.Scheme;
import com.certcare.application.pdf.Site;
import com.certcare.platform.reference.ReferenceEntry;
import com.certcare.platform.reference.ReferenceLists;

import java.time.Clock;

/** The application (16-01) and the contract (16-02) as the printed forms: the aggregates mapped into the templates' data. */
@ApplicationScoped
public class FormPdfs {

    private final ApplicationService applications;
    private final ContractService contracts;
    private final ApplicationConfig applicationConfig;
    private final ContractConfig contractConfig;
    private final ReferenceLists reference;
    private final PdfRenderer renderer;
    private final Clock clock;

    FormPdfs(ApplicationService applications, ContractService contracts, ApplicationConfig applicationConfig,
            ContractConfig contractConfig, ReferenceLists reference, PdfRenderer renderer, Clock clock) {
        this.applications = applications;
        this.contracts = contracts;
        this.applicationConfig = applicationConfig;
        this.contractConfig = contractConfig;
        this.reference = reference;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** A file to send: its name and bytes. */
    public record Pdf(String fileName, byte[] bytes) {
    }

    public Pdf application(long id) {
        Application a = applications.get(id);
        ApplicationDocument doc = new ApplicationDocument(applicationConfig.formNumber(), a.reference,
                new Organisation(a.name, a.creditCode, a.legalRepresentative, a.address, province(a.provinceCode),
                        a.postalCode, new Contact(a.contactName, a.contactPhone, a.contactEmail)),
                schemes(a.schemes), a.scope,
                a.sites.stream().map(s -> new Site(null, s.address(), s.activity(), s.headCount())).toList(),
                a.headCount, a.shifts == null ? null : String.valueOf(a.shifts), a.outsourcedProcesses,
                a.existingCertifications == null || a.existingCertifications.isBlank() ? List.of()
                        : List.of(new ApplicationDocument.ExistingCertification(a.existingCertifications, null, null, null)),
                Boolean.TRUE.equals(a.consultancyUsed) ? (a.consultancyName == null ? "是" : a.consultancyName) : null,
                a.submittedAt == null ? null : LocalDate.ofInstant(a.submittedAt, clock.getZone()),
                a.status.name());
        return new Pdf(a.reference + ".pdf", renderer.application(doc));
    }

    public Pdf contract(long id) {
        Contract c = contracts.get(id);
        ContractDocument doc = new ContractDocument(contractConfig.formNumber(), c.number,
                new Organisation(c.name, c.creditCode, c.legalRepresentative, c.address, province(c.provinceCode),
                        c.postalCode, new Contact(c.contactName, c.contactPhone, c.contactEmail)),
                schemes(c.schemes), c.scope,
                c.sites.stream().map(s -> new Site(null, s.address(), s.activity(), s.headCount())).toList(),
                c.initialAuditFee, c.surveillanceFee, c.paymentTerms, c.draftedOn, c.signedOn);
        return new Pdf(c.number + ".pdf", renderer.contract(doc));
    }

    private String province(String code) {
        return code == null ? null : reference.province(code).map(ReferenceEntry::nameZh).orElse(code);
    }

    private List<Scheme> schemes(List<String> codes) {
        return codes.stream().map(code -> new Scheme(code,
                reference.scheme(code).map(s -> s.name(Locale.SIMPLIFIED_CHINESE)).orElse(code))).toList();
    }
}
