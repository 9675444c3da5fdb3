package com.certcare.feedback.analysis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.platform.pdf.HtmlToPdf;
import com.certcare.platform.pdf.PdfConfig;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * The year-end summary as PDF: the Qute template {@code templates/analysis/year.html} (every value escaped) rendered
 * by the platform's {@link HtmlToPdf}, the Chinese font of {@code certcare.pdf.font-path} embedded as a subset.
 */
@ApplicationScoped
public class YearPdf {

    /** One table of the report. */
    @TemplateData
    public record Section(String title, List<String> headers, List<List<String>> rows) {
    }

    private final Template template;
    private final HtmlToPdf html;

    YearPdf(@Location("analysis/year.html") Template template, PdfConfig config) {
        this.template = template;
        this.html = new HtmlToPdf(config.fontPath(), config.fontFace());
    }

    byte[] of(YearSummary s, ReportLabels l, Instant generatedAt) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(l.get("summary"), List.of(l.get("figure"), l.get("value")), List.of(
                List.of(l.get("received"), String.valueOf(s.received())),
                List.of(l.get("serious"), String.valueOf(s.seriousComplaints())),
                List.of(l.get("first-response") + " " + l.get("n"), String.valueOf(s.firstResponseHours().count())),
                List.of(l.get("first-response") + " " + l.get("median"), hours(s.firstResponseHours().median())),
                List.of(l.get("first-response") + " " + l.get("p90"), hours(s.firstResponseHours().p90())),
                List.of(l.get("resolution") + " " + l.get("n"), String.valueOf(s.resolutionHours().count())),
                List.of(l.get("resolution") + " " + l.get("median"), hours(s.resolutionHours().median())),
                List.of(l.get("resolution") + " " + l.get("p90"), hours(s.resolutionHours().p90())))));
        sections.add(counts(l.get("sheet.kind"), l.get("kind"), l.get("count"), s.byKind(), "kind", l));
        sections.add(counts(l.get("sheet.channel"), l.get("channel"), l.get("count"), s.byChannel(), "channel", l));
        sections.add(counts(l.get("sheet.class"), l.get("class"), l.get("count"), s.byClass(), "class", l));
        sections.add(counts(l.get("sheet.department"), l.get("department"), l.get("count"), s.byDepartment(), "department", l));
        sections.add(new Section(l.get("sheet.month"), List.of(l.get("month"), l.get("count")), s.byMonth().stream()
                .map(m -> List.of(l.get("month.value", m.month()), String.valueOf(m.count()))).toList()));
        sections.add(new Section(l.get("recurring", s.minClients()),
                List.of(l.get("topic"), l.get("clients"), l.get("items"), l.get("last-seen")),
                s.recurringTopics().stream().map(t -> List.of(t.topic(), String.valueOf(t.clients()),
                        String.valueOf(t.items()), YearWorkbook.instant(t.lastSeen()))).toList()));
        List<List<String>> needs = new ArrayList<>();
        for (YearSummary.Need n : s.needs()) {
            needs.add(List.of(l.value("kind", n.kind().name()), String.valueOf(n.items())));
            for (YearSummary.TopicItems t : n.topTopics()) {
                needs.add(List.of("　· " + t.topic(), String.valueOf(t.items())));
            }
        }
        sections.add(new Section(l.get("needs"), List.of(l.get("kind") + " / " + l.get("top-topics"), l.get("items")), needs));
        String xhtml = template.data("title", s.year() + " 年度" + l.get("title"))
                .data("period", l.get("period") + "：" + YearWorkbook.instant(s.from()) + " – " + YearWorkbook.instant(s.to()))
                .data("sections", sections)
                .data("notes", List.of(l.get("zone"), l.get("percentile"), l.get("generated") + "："
                        + YearWorkbook.instant(generatedAt)))
                .render();
        return html.convert(xhtml);
    }

    private static Section counts(String title, String what, String count, List<YearSummary.Count> counts, String group,
            ReportLabels l) {
        return new Section(title, List.of(what, count), counts.stream().map(c -> List.of(
                "department".equals(group) && c.key() != null ? c.key() : l.value(group, c.key()),
                String.valueOf(c.count()))).toList());
    }

    private static String hours(BigDecimal h) {
        return h == null ? "—" : h.toPlainString();
    }
}
