package com.certcare.survey.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.platform.pdf.HtmlToPdf;
import com.certcare.platform.pdf.PdfConfig;
import com.certcare.survey.analysis.QuarterReport;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * The quarterly report as PDF: the Qute template {@code templates/report/quarter.html} (every value escaped) rendered
 * by the platform's {@link HtmlToPdf}, the Chinese font embedded as a subset. The charts are HTML/CSS bars: the
 * platform's renderer has no SVG drawer (openhtmltopdf-svg-support and Batik are not on the class path, and
 * {@code HtmlToPdf} registers none), so an inline {@code <svg>} would print nothing.
 */
@ApplicationScoped
public class ReportPdf {

    @TemplateData
    public record Row(String label, String value) {
    }

    /** One bar of a chart: widths are 0–100 (the index); {@code hidden} instead of a bar for a suppressed group. */
    @TemplateData
    public record Bar(String label, String value, String width, String previousValue, String previousWidth,
            String hidden) {
    }

    @TemplateData
    public record Chart(String title, boolean legend, String current, String previous, String empty, List<Bar> bars) {
    }

    private final Template template;
    private final HtmlToPdf html;

    ReportPdf(@Location("report/quarter.html") Template template, PdfConfig config) {
        this.template = template;
        this.html = new HtmlToPdf(config.fontPath(), config.fontFace());
    }

    byte[] of(ReportService.Document doc, ReportLabels l, Instant generatedAt) {
        ReportView r = doc.report();
        QuarterReport q = doc.figures().overall();
        QuarterReport.Group all = q.overall();
        int min = q.minGroupSize();

        List<Row> overview = new ArrayList<>();
        if (all.suppressed()) {
            overview.add(new Row(l.get("index"), l.get("small", String.valueOf(min))));
        } else {
            overview.add(new Row(l.get("dispatched"), String.valueOf(all.dispatched())));
            overview.add(new Row(l.get("responses"), String.valueOf(all.responses())));
            overview.add(new Row(l.get("response-rate"), ReportLabels.percent(all.responseRate())));
            overview.add(new Row(l.get("index"), ReportLabels.number(all.index())));
            overview.add(new Row(l.get("previous-index", q.previousQuarter()), ReportLabels.number(all.previousIndex())));
            overview.add(new Row(l.get("change"), ReportLabels.change(all.change())));
        }

        List<Chart> charts = new ArrayList<>();
        List<Bar> dims = all.dimensions().stream().map(d -> new Bar(d.name(), ReportLabels.number(d.index()),
                width(d.index()), d.previousIndex() == null ? null : ReportLabels.number(d.previousIndex()),
                width(d.previousIndex()), null)).toList();
        charts.add(new Chart(l.get("dimensions"), true, l.get("current", q.quarter()), l.get("previous", q.previousQuarter()),
                l.get("none"), dims));
        charts.add(groups(l.get("by-scheme"), "SCHEME", doc.figures(), l));
        charts.add(groups(l.get("by-province"), "PROVINCE", doc.figures(), l));

        List<List<String>> items = new ArrayList<>();
        for (QuarterReport.Item i : all.items()) {
            List<String> row = new ArrayList<>(List.of(i.code(), i.text(), String.valueOf(i.answers()),
                    ReportLabels.number(i.mean())));
            for (int n = 0; n < 5; n++) {
                row.add(i.distribution() == null ? "—" : String.valueOf(i.distribution().get(n)));
            }
            items.add(row);
        }

        List<String> notes = new ArrayList<>();
        notes.add(l.get("rule", String.valueOf(min)));
        if (r.issuedAt() == null && r.updatedAt() != null) {
            notes.add(l.get("updated", r.updatedBy(), ReportLabels.time(r.updatedAt())));
        }
        notes.add(l.get("generated", ReportLabels.time(generatedAt)));

        String xhtml = template.data("title", l.get("title"))
                .data("formLabel", l.get("form"))
                .data("formNumber", r.formNumber())
                .data("period", l.period(r.quarter()))
                .data("draft", r.status() == ReportStatus.DRAFT)
                .data("draftLabel", l.get("draft"))
                .data("issued", r.issuedAt() == null ? null : l.get("issued", r.issuedBy(), ReportLabels.time(r.issuedAt())))
                .data("overviewTitle", l.get("overview"))
                .data("overview", overview)
                .data("charts", charts)
                .data("itemsTitle", l.get("items"))
                .data("itemHeaders", List.of(l.get("item.code"), l.get("item.text"), l.get("item.answers"),
                        l.get("item.mean"), "1", "2", "3", "4", "5"))
                .data("items", items)
                .data("conclusionsTitle", l.get("conclusions"))
                .data("conclusions", r.conclusions().lines().filter(p -> !p.isBlank()).toList())
                .data("notes", notes)
                .render();
        return html.convert(xhtml);
    }

    private static Chart groups(String title, String segment, ReportFigures figures, ReportLabels l) {
        QuarterReport split = figures.by(segment);
        List<Bar> bars = new ArrayList<>();
        if (split != null) {
            for (QuarterReport.Group g : split.groups()) {
                String label = l.group(segment, g.key());
                bars.add(g.suppressed() ? new Bar(label, null, null, null, null, l.hidden(g, split.minGroupSize()))
                        : new Bar(label, ReportLabels.number(g.index()) + "（n=" + g.responses() + "）", width(g.index()),
                                null, null, null));
            }
        }
        return new Chart(title, false, null, null, l.get("none"), bars);
    }

    private static String width(BigDecimal index) {
        return index == null ? null : index.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)).toPlainString();
    }
}
