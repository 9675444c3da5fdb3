package com.certcare.platform.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report's XLSX workbook, built in memory (Apache POI): sheets with a bold header row, then rows whose numbers are
 * numbers and whose texts are texts (a text is never read as a formula), an absent value an empty cell. For small,
 * bounded reports (a quarter's survey figures, a year's feedback summary); the ledger's export streams instead.
 * A service that uses it brings poi-ooxml itself.
 */
public final class XlsxReport implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final CellStyle bold;

    public XlsxReport() {
        bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
    }

    /** The workbook, for what a report needs beyond this (styles, widths). */
    public XSSFWorkbook book() {
        return book;
    }

    /** A new sheet named {@code name} whose first row holds {@code headers} in bold; rows follow from 1. */
    public Sheet sheet(String name, String... headers) {
        Sheet sheet = book.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers[i]);
            cell.setCellStyle(bold);
        }
        return sheet;
    }

    /** Row {@code r} of {@code sheet} with {@code values} from the first column; returns the next row's number. */
    public static int row(Sheet sheet, int r, Object... values) {
        cells(sheet.createRow(r), values);
        return r + 1;
    }

    /** {@code values} into {@code row} from its first cell: numbers as numbers, texts as texts, null as no cell. */
    public static void cells(Row row, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof BigDecimal b) {
                cell.setCellValue(b.doubleValue());
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }

    /** The workbook's bytes; {@code what} names it if writing fails. */
    public byte[] bytes(String what) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the " + what + " could not be written", e);
        }
    }

    @Override
    public void close() {
        try {
            book.close();
        } catch (IOException e) {
            throw new UncheckedIOException("a report workbook could not be closed", e);
        }
    }
}
