package com.certcare.feedback.analysis;

import static com.certcare.platform.sheet.XlsxReport.row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import com.certcare.platform.sheet.XlsxReport;
import com.certcare.platform.time.ClockProducer;

/**
 * The year-end summary as an XLSX workbook (Apache POI): one sheet per breakdown, Chinese headers, counts as numbers.
 * Small by construction (every list of the summary is bounded), so it is built in memory.
 */
final class YearWorkbook {

    static final String CONTENT_TYPE = XlsxReport.CONTENT_TYPE;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockProducer.ZONE);

    private YearWorkbook() {
    }

    static byte[] of(YearSummary s, ReportLabels l) {
        try (XlsxReport book = new XlsxReport()) {
            CellStyle hours = book.book().createCellStyle();
            hours.setDataFormat(book.book().createDataFormat().getFormat("0.00"));

            Sheet summary = book.sheet(l.get("sheet.summary"), l.get("figure"), l.get("value"));
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

            counts(book.sheet(l.get("sheet.kind"), l.get("kind"), l.get("count")), s.byKind(), "kind", l);
            counts(book.sheet(l.get("sheet.channel"), l.get("channel"), l.get("count")), s.byChannel(), "channel", l);
            counts(book.sheet(l.get("sheet.class"), l.get("class"), l.get("count")), s.byClass(), "class", l);
            counts(book.sheet(l.get("sheet.department"), l.get("department"), l.get("count")), s.byDepartment(),
                    "department", l);

            Sheet month = book.sheet(l.get("sheet.month"), l.get("month"), l.get("count"));
            r = 1;
            for (YearSummary.MonthCount m : s.byMonth()) {
                r = row(month, r, l.get("month.value", m.month()), m.count());
            }

            Sheet recurring = book.sheet(l.get("sheet.recurring"), l.get("topic"), l.get("clients"), l.get("items"),
                    l.get("first-seen"), l.get("last-seen"));
            r = 1;
            for (YearSummary.RecurringTopic t : s.recurringTopics()) {
                r = row(recurring, r, t.topic(), t.clients(), t.items(), DAY.format(t.firstSeen()),
                        DAY.format(t.lastSeen()));
            }

            Sheet needs = book.sheet(l.get("sheet.needs"), l.get("kind"), l.get("items"), l.get("top-topics"),
                    l.get("items"));
            r = 1;
            for (YearSummary.Need n : s.needs()) {
                r = row(needs, r, l.value("kind", n.kind().name()), n.items());
                for (YearSummary.TopicItems t : n.topTopics()) {
                    r = row(needs, r, null, null, t.topic(), t.items());
                }
            }
            for (int i = 0; i < book.book().getNumberOfSheets(); i++) {
                book.book().getSheetAt(i).setColumnWidth(0, 40 * 256);
                book.book().getSheetAt(i).setColumnWidth(2, 24 * 256);
            }
            return book.bytes("year-end workbook");
        }
    }

    private static void counts(Sheet sheet, List<YearSummary.Count> counts, String group, ReportLabels l) {
        int r = 1;
        for (YearSummary.Count c : counts) {
            r = row(sheet, r, "department".equals(group) && c.key() != null ? c.key() : l.value(group, c.key()), c.count());
        }
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
