package com.certcare.customer.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.certcare.customer.directory.Directory;
import com.certcare.customer.reference.ReferenceData;
import com.certcare.customer.search.CustomPlans;
import com.certcare.customer.search.CustomerFilter;
import com.certcare.customer.search.LedgerQuery;
import com.certcare.platform.problem.Messages;

import io.agroal.api.AgroalDataSource;

/**
 * Streams the filtered ledger as CSV (UTF-8 with BOM, so Excel shows Chinese) or XLSX, reading rows
 * through a database cursor: memory stays flat however many rows there are.
 */
@ApplicationScoped
public class LedgerExport {

    public enum Format { CSV, XLSX }

    private static final int FETCH_SIZE = 1000;

    private final AgroalDataSource dataSource;
    private final LedgerQuery query;
    private final Messages messages;
    private final ReferenceData reference;

    private final ExportLimits limits;
    private final com.certcare.customer.grading.GradingConfig grading;
    private final java.util.concurrent.Semaphore running;

    LedgerExport(AgroalDataSource dataSource, LedgerQuery query, Messages messages, ReferenceData reference,
            ExportLimits limits, com.certcare.customer.grading.GradingConfig grading) {
        this.grading = grading;
        this.limits = limits;
        this.running = new java.util.concurrent.Semaphore(limits.maxConcurrent());
        this.dataSource = dataSource;
        this.query = query;
        this.messages = messages;
        this.reference = reference;
    }

    /**
     * The ledger as a response body, with a place among the exports running now taken for it (429 with
     * Retry-After when all are taken). The place is given back when the body has been written or failed, or
     * when the caller calls {@link Stream#close()} (the answer ended without the body being written); twice
     * is harmless.
     */
    public Stream open(CustomerFilter.Criteria criteria, Format format, Locale locale) {
        return take(out -> write(criteria, format, locale, out));
    }

    /**
     * The public directory (what {@code /api/public/directory} pages through, every row of it) as a file for the
     * body's website, under the same limit on running exports as the ledger.
     */
    public Stream openDirectory(Directory.Query directory, Format format, Locale locale) {
        return take(out -> writeDirectory(directory, format, locale, out));
    }

    private Stream take(Body body) {
        if (!running.tryAcquire()) {
            throw new com.certcare.platform.problem.ProblemException(429, "export-busy", limits.maxConcurrent())
                    .retryAfter(limits.retryAfter());
        }
        return new Stream(body);
    }

    /** What an export writes. */
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** One export under way: its body, and its place among the running exports. */
    public final class Stream implements jakarta.ws.rs.core.StreamingOutput, AutoCloseable {
        private final Body body;
        private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

        private Stream(Body body) {
            this.body = body;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            try {
                body.write(out);
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                running.release();
            }
        }
    }

    /** Writes the ledger to {@code out}; returns how many rows it wrote. */
    public long write(CustomerFilter.Criteria criteria, Format format, Locale locale, OutputStream out)
            throws IOException {
        LedgerQuery.Sql sql = query.sql(criteria);
        return read(sql.text(), true, sql::bind, rows -> format == Format.CSV ? csv(rows, locale, out) : xlsx(rows, locale, out));
    }

    /** Writes the directory to {@code out}; returns how many rows it wrote. */
    long writeDirectory(Directory.Query directory, Format format, Locale locale, OutputStream out) throws IOException {
        List<String> headers = DIRECTORY_COLUMNS.stream().map(c -> messages.get(locale, "column." + c)).toList();
        return read(directory.sql(n -> "?"), false, statement -> {
            int i = 1;
            for (Object value : directory.params()) {
                statement.setObject(i++, value);
            }
        }, rows -> {
            RowSource source = () -> rows.next() ? directoryValues(rows, locale) : null;
            return format == Format.CSV ? csv(headers, source, out)
                    : xlsx(messages.get(locale, "column.directorySheet"), headers, source, DIRECTORY_DATES, out);
        });
    }

    private static final List<String> DIRECTORY_COLUMNS = List.of("certificateNo", "name", "province", "scheme",
            "scope", "scopeEn", "issuedOn", "expiresOn", "status");
    private static final java.util.Set<Integer> DIRECTORY_DATES = java.util.Set.of(6, 7);

    private List<String> directoryValues(ResultSet rows, Locale locale) throws SQLException {
        List<String> values = new ArrayList<>(DIRECTORY_COLUMNS.size());
        values.add(rows.getString("certificate_no"));
        values.add(rows.getString("name"));
        String province = rows.getString("province_code");
        values.add(province == null ? null : reference.province(province).map(p -> p.name(locale)).orElse(province));
        values.add(rows.getString("scheme"));
        values.add(rows.getString("scope"));
        values.add(rows.getString("scope_en"));
        values.add(rows.getString("issued_on"));
        values.add(rows.getString("expires_on"));
        values.add(messages.get(locale, "status." + rows.getString("status")));
        return values;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Rows {
        long write(ResultSet rows) throws IOException, SQLException;
    }

    private interface RowSource {
        /** The next row's values, or null after the last. */
        List<String> next() throws SQLException;
    }

    /** Runs {@code sql} read-only through a cursor, under the export's time limits, and hands its rows on. */
    private long read(String sql, boolean customPlans, Binder binder, Rows writer) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            connection.setReadOnly(true);
            if (customPlans) {
                CustomPlans.forThisTransaction(connection);
            }
            try (java.sql.Statement settings = connection.createStatement()) {
                settings.execute("set local statement_timeout = " + limits.statementTimeout().toMillis());
                settings.execute("set local idle_in_transaction_session_timeout = " + limits.idleTimeout().toMillis());
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    long written = writer.write(rows);
                    connection.commit();
                    return written;
                }
            }
        } catch (SQLException e) {
            throw new IOException("export failed", e);
        }
    }

    private static long csv(List<String> headers, RowSource source, OutputStream out) throws IOException, SQLException {
        out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL);
        printer.printRecord(headers);
        long count = 0;
        for (List<String> values = source.next(); values != null; values = source.next()) {
            printer.printRecord(values.stream().map(CsvCells::neutralize).toList());
            count++;
        }
        printer.flush();
        return count;
    }

    private static long xlsx(String sheetName, List<String> headers, RowSource source, java.util.Set<Integer> dates,
            OutputStream out) throws IOException, SQLException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            int r = 0;
            write(sheet.createRow(r++), headers);
            long count = 0;
            for (List<String> values = source.next(); values != null; values = source.next()) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    if (dates.contains(i) && ISO_DATE.matcher(v).matches()) {
                        cell.setCellValue(java.time.LocalDate.parse(v));
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(v);
                    }
                }
                count++;
            }
            workbook.write(out);
            workbook.close();
            return count;
        }
    }

    private long csv(ResultSet rows, Locale locale, OutputStream out) throws IOException, SQLException {
        out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL);
        printer.printRecord(headers(locale));
        long count = 0;
        while (rows.next()) {
            printer.printRecord(values(rows, locale).stream().map(CsvCells::neutralize).toList());
            count++;
        }
        printer.flush();
        return count;
    }

    private long xlsx(ResultSet rows, Locale locale, OutputStream out) throws IOException, SQLException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet(messages.get(locale, "column.sheet"));
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            int r = 0;
            write(sheet.createRow(r++), headers(locale));
            long count = 0;
            while (rows.next()) {
                writeTyped(sheet.createRow(r++), values(rows, locale), money, date);
                count++;
            }
            workbook.write(out);
            workbook.close();
            return count;
        }
    }

    /**
     * Money as numbers with two decimals and single dates as dates, so Excel can sum fees and filter by date;
     * codes, postal codes, phones and lists of dates stay text. The import reads either.
     */
    private static void writeTyped(org.apache.poi.ss.usermodel.Row row, List<String> values, CellStyle money,
            CellStyle date) {
        LedgerColumn[] columns = LedgerColumn.values();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (MONEY.contains(columns[i])) {
                cell.setCellValue(new java.math.BigDecimal(v).doubleValue());
                cell.setCellStyle(money);
            } else if (DATES.contains(columns[i]) && ISO_DATE.matcher(v).matches()) {
                cell.setCellValue(java.time.LocalDate.parse(v));
                cell.setCellStyle(date);
            } else {
                cell.setCellValue(v);
            }
        }
    }

    private static final java.util.Set<LedgerColumn> MONEY = java.util.EnumSet.of(LedgerColumn.INITIAL_AUDIT_FEE,
            LedgerColumn.SURVEILLANCE_FEE);
    private static final java.util.Set<LedgerColumn> DATES = java.util.EnumSet.of(LedgerColumn.APPLICATION_ACCEPTED_ON,
            LedgerColumn.STAGE1_ON, LedgerColumn.STAGE2_ON, LedgerColumn.SURVEILLANCE_AUDIT_ON,
            LedgerColumn.RECERTIFICATION_AUDIT_ON, LedgerColumn.DECISION_ON, LedgerColumn.IMPLEMENTED_ON,
            LedgerColumn.ISSUED_ON, LedgerColumn.EXPIRES_ON);
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static void write(org.apache.poi.ss.usermodel.Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v != null) {
                row.createCell(i).setCellValue(v);
            }
        }
    }

    private List<String> headers(Locale locale) {
        List<String> headers = new ArrayList<>();
        for (LedgerColumn column : LedgerColumn.values()) {
            headers.add(column.header(messages, locale));
        }
        return headers;
    }

    /** Values in column order; status and province in the reader's language. */
    private List<String> values(ResultSet rows, Locale locale) throws SQLException {
        List<String> values = new ArrayList<>(LedgerColumn.values().length);
        for (LedgerColumn column : LedgerColumn.values()) {
            String value = rows.getString(column.key);
            if (value != null && column == LedgerColumn.STATUS) {
                value = messages.get(locale, "status." + value);
            } else if (value != null && column == LedgerColumn.GRADE) {
                value = com.certcare.customer.grading.Grade.valueOf(value).label(grading.label());
            } else if (value != null && column == LedgerColumn.PROVINCE) {
                value = reference.province(value).map(p -> p.name(locale)).orElse(value);
            }
            values.add(value);
        }
        return values;
    }

}
