package com.certcare.feedback.analysis;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.certcare.platform.web.Downloads;

/** The year-end summary as JSON, workbook and PDF; the files answered as the platform's {@link Downloads}. */
@ApplicationScoped
public class YearReports {

    static final String FILE_NAME = "客户意见和建议年度分析-";
    static final String FALLBACK_NAME = "feedback-year-summary-";

    private final YearSummaries summaries;
    private final YearPdf pdf;
    private final ReportLabels labels = new ReportLabels();
    private final Clock clock;

    YearReports(YearSummaries summaries, YearPdf pdf, Clock clock) {
        this.summaries = summaries;
        this.pdf = pdf;
        this.clock = clock;
    }

    public YearSummary summary(Integer year) {
        return summaries.of(year);
    }

    public Response xlsx(Integer year) {
        YearSummary s = summaries.of(year);
        return Downloads.generated(FILE_NAME + s.year() + ".xlsx", FALLBACK_NAME + s.year() + ".xlsx",
                YearWorkbook.CONTENT_TYPE, YearWorkbook.of(s, labels));
    }

    public Response pdf(Integer year) {
        YearSummary s = summaries.of(year);
        return Downloads.generated(FILE_NAME + s.year() + ".pdf", FALLBACK_NAME + s.year() + ".pdf", "application/pdf",
                pdf.of(s, labels, clock.instant()));
    }
}
