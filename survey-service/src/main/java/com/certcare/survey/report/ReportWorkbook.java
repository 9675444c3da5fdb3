package com.certcare.survey.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.certcare.survey.analysis.QuarterReport;

/**
 * The quarterly report as an XLSX workbook (Apache POI): sheets 概况 (overview), 维度 (dimensions), 题目 (items), 分组
 * (every segment's groups) and 结论 (the conclusions). Figures are numbers; a suppressed group has none, only the
 * reason. Small by construction (a template's items, a segment's groups), so it is built in memory.
 */
final class ReportWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ReportWorkbook() {
    }

    static byte[] of(ReportService.Document doc, ReportLabels l) {
        ReportView r = doc.report();
        QuarterReport q = doc.figures().overall();
        QuarterReport.Group all = q.overall();
        int min = q.minGroupSize();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);

            Sheet overview = book.createSheet(l.get("sheet.overview"));
            header(overview, bold, l.get("figure"), l.get("value"));
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

            Sheet dims = book.createSheet(l.get("sheet.dimensions"));
            header(dims, bold, l.get("item.code"), l.get("dimension"), l.get("item.answers"), l.get("item.mean"),
                    l.get("index"), l.get("previous-index", q.previousQuarter()));
            n = 1;
            for (QuarterReport.Dimension d : all.dimensions()) {
                cells(dims.createRow(n++), d.code(), d.name(), d.responses(), d.mean(), d.index(), d.previousIndex());
            }

            Sheet items = book.createSheet(l.get("sheet.items"));
            header(items, bold, l.get("item.code"), l.get("dimension"), l.get("item.text"), l.get("item.weight"),
                    l.get("item.answers"), l.get("item.mean"), "1", "2", "3", "4", "5");
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

            Sheet segments = book.createSheet(l.get("sheet.segments"));
            header(segments, bold, l.get("segment"), l.get("group.key"), l.get("group.name"), l.get("item.answers"),
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

            Sheet conclusions = book.createSheet(l.get("sheet.conclusions"));
            header(conclusions, bold, l.get("conclusions-plain"));
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
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the quarterly report workbook could not be written", e);
        }
    }

    private static void header(Sheet sheet, CellStyle bold, String... titles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(bold);
        }
    }

    private static int row(Sheet sheet, int r, String label, Object value) {
        cells(sheet.createRow(r), label, value);
        return r + 1;
    }

    /** Numbers as numbers, texts as texts, null as an empty cell. */
    private static void cells(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof BigDecimal b) {
                cell.setCellValue(b.doubleValue());
            } else if (v instanceof Number num) {
                cell.setCellValue(num.doubleValue());
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }
}
