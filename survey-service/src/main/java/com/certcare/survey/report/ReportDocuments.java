package com.certcare.survey.report;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.certcare.platform.problem.Messages;
import com.certcare.platform.reference.ReferenceLists;
import com.certcare.platform.web.Downloads;
import com.certcare.survey.campaign.Quarter;

/** The report's files, answered as the platform's {@link Downloads}: 顾客满意度季度分析报告-2026-Q3[-草稿].pdf / .xlsx. */
@ApplicationScoped
public class ReportDocuments {

    enum Format { PDF, XLSX }

    private final ReportService reports;
    private final ReportPdf pdf;
    private final Messages messages;
    private final ReferenceLists reference;
    private final Clock clock;

    ReportDocuments(ReportService reports, ReportPdf pdf, Messages messages, ReferenceLists reference, Clock clock) {
        this.reports = reports;
        this.pdf = pdf;
        this.messages = messages;
        this.reference = reference;
        this.clock = clock;
    }

    Response file(Quarter quarter, Format format, boolean readsDrafts) {
        ReportService.Document doc = reports.document(quarter, readsDrafts);
        ReportLabels labels = new ReportLabels(messages, reference, ReportService.DOCUMENT_LOCALE);
        boolean draft = doc.report().status() == ReportStatus.DRAFT;
        String name = labels.get("file-name") + "-" + quarter + (draft ? "-" + labels.get("file-draft") : "");
        String fallback = "satisfaction-report-" + quarter + (draft ? "-draft" : "");
        return format == Format.XLSX
                ? Downloads.generated(name + ".xlsx", fallback + ".xlsx", ReportWorkbook.CONTENT_TYPE, ReportWorkbook.of(doc, labels))
                : Downloads.generated(name + ".pdf", fallback + ".pdf", QuarterlyReportResource.PDF, pdf.of(doc, labels, clock.instant()));
    }
}
