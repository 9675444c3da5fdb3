package com.certcare.feedback.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.certcare.platform.time.ClockProducer;

/**
 * The year-end summary as an XLSX workbook (Apache POI): one sheet per breakdown, Chinese headers, counts as numbers.
 * Small by construction (every list of the summary is bounded), so it is built in memory.
 */
final class YearWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockProducer.ZONE);

    private YearWorkbook() {
    }

    static byte[] of(YearSummary s, ReportLabels l) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle hours = book.createCellStyle();
            hours.setDataFormat(book.createDataFormat().getFormat("0.00"));

            Sheet summary = book.createSheet(l.get("sheet.summary"));
            header(summary, bold, l.get("figure"), l.get("value"));
            int r = 1;
            r = row(summary, r, l.get("year"), s.year());
            r = row(summary, r, l.get("period"), DAY.format(s.from()) + " – " + DAY.format(s.to()));
            r = row(summary, r, l.get("received"), s.received());
            r = row(summary, r, l.get("serious"), s.seriousComplaints());
            r = row(summary, r, l.get("first-response") + " " + l.get("n"), s.firstResponseHours().count());
            r = hours(summary, r, l.get("first-response") + " " + l.get("median"), s.firstResponseHours().median(), hours);
            r = hours(summary, r, l.get("first-response") + " " + l.get("p90"), s.firstResponseHours().p90(), hours);
            r = row(summary, r, l.get("resolution") + " " + l.get("n"), s.resolutionHours().count());
            r = hours(summary, r, l.get("resolution") + " " + l.get("median"), s.resolutionHours().median(), hours);
            r = hours(summary, r, l.get("resolution") + " " + l.get("p90"), s.resolutionHours().p90(), hours);
            summary.createRow(r + 1).createCell(0).setCellValue(l.get("percentile"));
            summary.createRow(r + 2).createCell(0).setCellValue(l.get("zone"));

            counts(book.createSheet(l.get("sheet.kind")), bold, l.get("kind"), l.get("count"), s.byKind(), "kind", l);
            counts(book.createSheet(l.get("sheet.channel")), bold, l.get("channel"), l.get("count"), s.byChannel(), "channel", l);
            counts(book.createSheet(l.get("sheet.class")), bold, l.get("class"), l.get("count"), s.byClass(), "class", l);
            counts(book.createSheet(l.get("sheet.department")), bold, l.get("department"), l.get("count"), s.byDepartment(),
                    "department", l);

            Sheet month = book.createSheet(l.get("sheet.month"));
            header(month, bold, l.get("month"), l.get("count"));
            r = 1;
            for (YearSummary.MonthCount m : s.byMonth()) {
                r = row(month, r, l.get("month.value", m.month()), m.count());
            }

            Sheet recurring = book.createSheet(l.get("sheet.recurring"));
            header(recurring, bold, l.get("topic"), l.get("clients"), l.get("items"), l.get("first-seen"), l.get("last-seen"));
            r = 1;
            for (YearSummary.RecurringTopic t : s.recurringTopics()) {
                Row row = recurring.createRow(r++);
                row.createCell(0).setCellValue(t.topic());
                row.createCell(1).setCellValue(t.clients());
                row.createCell(2).setCellValue(t.items());
                row.createCell(3).setCellValue(DAY.format(t.firstSeen()));
                row.createCell(4).setCellValue(DAY.format(t.lastSeen()));
            }

            Sheet needs = book.createSheet(l.get("sheet.needs"));
            header(needs, bold, l.get("kind"), l.get("items"), l.get("top-topics"), l.get("items"));
            r = 1;
            for (YearSummary.Need n : s.needs()) {
                Row row = needs.createRow(r++);
                row.createCell(0).setCellValue(l.value("kind", n.kind().name()));
                row.createCell(1).setCellValue(n.items());
                for (YearSummary.TopicItems t : n.topTopics()) {
                    Row topic = needs.createRow(r++);
                    topic.createCell(2).setCellValue(t.topic());
                    topic.createCell(3).setCellValue(t.items());
                }
            }
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                book.getSheetAt(i).setColumnWidth(0, 40 * 256);
                book.getSheetAt(i).setColumnWidth(2, 24 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the year-end workbook could not be written", e);
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

    private static void counts(Sheet sheet, CellStyle bold, String what, String count, List<YearSummary.Count> counts,
            String group, ReportLabels l) {
        header(sheet, bold, what, count);
        int r = 1;
        for (YearSummary.Count c : counts) {
            r = row(sheet, r, "department".equals(group) && c.key() != null ? c.key() : l.value(group, c.key()), c.count());
        }
    }

    private static int row(Sheet sheet, int r, String label, Object value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        if (value instanceof Number n) {
            row.createCell(1).setCellValue(n.doubleValue());
        } else {
            row.createCell(1).setCellValue(String.valueOf(value));
        }
        return r + 1;
    }

    private static int hours(Sheet sheet, int r, String label, BigDecimal value, CellStyle style) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        if (value != null) {
            Cell cell = row.createCell(1);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
        return r + 1;
    }

    static String instant(Instant i) {
        return i == null ? "" : DAY.format(i);
    }
}
