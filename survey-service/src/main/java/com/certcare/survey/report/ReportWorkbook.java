package com.certcare.survey.report;

import static com.certcare.platform.sheet.XlsxReport.cells;
import static com.certcare.platform.sheet.XlsxReport.row;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;

import com.certcare.platform.sheet.XlsxReport;
import com.certcare.survey.analysis.QuarterReport;

/**
 * The quarterly report as an XLSX workbook (Apache POI): sheets 概况 (overview), 维度 (dimensions), 题目 (items), 分组
 * (every segment's groups) and 结论 (the conclusions). Figures are numbers; a suppressed group has none, only the
 * reason. Small by construction (a template's items, a segment's groups), so it is built in memory.
 */
final class ReportWorkbook {

    static final String CONTENT_TYPE = XlsxReport.CONTENT_TYPE;

    private ReportWorkbook() {
    }

    static byte[] of(ReportService.Document doc, ReportLabels l) {
        ReportView r = doc.report();
        QuarterReport q = doc.figures().overall();
        QuarterReport.Group all = q.overall();
        int min = q.minGroupSize();
        try (XlsxReport book = new XlsxReport()) {
            CellStyle wrap = book.book().createCellStyle();
            wrap.setWrapText(true);

            Sheet overview = book.sheet(l.get("sheet.overview"), l.get("figure"), l.get("value"));
            int n = 1;
            if (r.formNumber() != null) {
                n = row(overview, n, l.get("title"), r.formNumber());
            }
            n = row(overview, n, l.get("quarter"), r.quarter());
            n = row(overview, n, l.get("status"), r.status() == ReportStatus.ISSUED ? l.get("status.ISSUED") : l.get("status.DRAFT"));
            n = row(overview, n, l.get("dispatched"), all.dispatched());
            n = row(overview, n, l.get("responses"), all.responses());
            n = row(overview, n, l.get("response-rate") + " (%)", all.responseRate());
            n = row(overview, n, l.get("index"), all.index());
            n = row(overview, n, l.get("previous-index", q.previousQuarter()), all.previousIndex());
            n = row(overview, n, l.get("change"), all.change());
            n = row(overview, n, l.get("min-group"), min);
            if (all.suppressed()) {
                n = row(overview, n, l.get("index"), l.get("small", String.valueOf(min)));
            }
            n = row(overview, n, l.get("issued-by"), r.issuedBy());
            row(overview, n, l.get("issued-at"), ReportLabels.time(r.issuedAt()));

            Sheet dims = book.sheet(l.get("sheet.dimensions"), l.get("item.code"), l.get("dimension"),
                    l.get("item.answers"), l.get("item.mean"), l.get("index"),
                    l.get("previous-index", q.previousQuarter()));
            n = 1;
            for (QuarterReport.Dimension d : all.dimensions()) {
                cells(dims.createRow(n++), d.code(), d.name(), d.responses(), d.mean(), d.index(), d.previousIndex());
            }

            Sheet items = book.sheet(l.get("sheet.items"), l.get("item.code"), l.get("dimension"), l.get("item.text"),
                    l.get("item.weight"), l.get("item.answers"), l.get("item.mean"), "1", "2", "3", "4", "5");
            n = 1;
            for (QuarterReport.Item i : all.items()) {
                List<Object> values = new ArrayList<>(List.of(i.code(), i.dimension() == null ? "" : i.dimension(), i.text()));
                values.add(i.weight());
                values.add(i.answers());
                values.add(i.mean());
                for (int k = 0; k < 5; k++) {
                    values.add(i.distribution() == null ? null : i.distribution().get(k));
                }
                cells(items.createRow(n++), values.toArray());
            }

            Sheet segments = book.sheet(l.get("sheet.segments"), l.get("segment"), l.get("group.key"),
                    l.get("group.name"), l.get("item.answers"),
                    l.get("dispatched"), l.get("response-rate") + " (%)", l.get("index"),
                    l.get("previous-index", q.previousQuarter()), l.get("change"), l.get("hidden"));
            n = 1;
            for (QuarterReport split : doc.figures().segments()) {
                String segment = split.by().name();
                for (QuarterReport.Group g : split.groups()) {
                    cells(segments.createRow(n++), l.segment(segment), g.key() == null ? "" : g.key(),
                            l.group(segment, g.key()), g.responses(), g.dispatched(), g.responseRate(), g.index(),
                            g.previousIndex(), g.change(), g.suppressed() ? l.hidden(g, split.minGroupSize()) : null);
                }
            }

            Sheet conclusions = book.sheet(l.get("sheet.conclusions"), l.get("conclusions-plain"));
            Cell text = conclusions.createRow(1).createCell(0);
            text.setCellValue(r.conclusions());
            text.setCellStyle(wrap);
            conclusions.setColumnWidth(0, 100 * 256);

            overview.setColumnWidth(0, 30 * 256);
            overview.setColumnWidth(1, 24 * 256);
            dims.setColumnWidth(1, 24 * 256);
            items.setColumnWidth(2, 50 * 256);
            segments.setColumnWidth(2, 28 * 256);
            segments.setColumnWidth(9, 28 * 256);
            return book.bytes("quarterly report workbook");
        }
    }
}
