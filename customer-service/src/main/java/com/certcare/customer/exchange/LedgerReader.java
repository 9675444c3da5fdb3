package com.certcare.customer.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import com.certcare.platform.problem.ProblemException;

/** Reads the rows of an uploaded ledger: CSV (UTF-8, BOM or not) or the first sheet of an XLSX, streamed. */
final class LedgerReader {

    /** One row: its line number in the file (1 = header) and its cell texts. */
    record Row(int line, List<String> cells) {
        String cell(int index) {
            if (index < 0 || index >= cells.size()) {
                return null;
            }
            String v = cells.get(index);
            return v == null || v.isBlank() ? null : v.strip();
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    private LedgerReader() {
    }

    static List<Row> csv(InputStream in, ImportLimits limits) throws IOException {
        List<Row> rows = new ArrayList<>();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.EXCEL).get()) {
            for (CSVRecord record : parser) {
                if (rows.size() >= limits.maxRows()) {
                    throw tooLarge("rows", limits.maxRows());
                }
                if (record.size() > limits.maxColumns()) {
                    throw tooLarge("columns", limits.maxColumns());
                }
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cell -> cells.add(CsvCells.restore(cell)));
                if (rows.isEmpty() && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                    cells.set(0, cells.get(0).substring(1));
                }
                rows.add(new Row((int) record.getRecordNumber(), cells));
            }
        }
        return rows;
    }

    static List<Row> xlsx(InputStream in, ImportLimits limits) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return rows;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, new Collector(rows, limits),
                        new LedgerCellFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            if (e instanceof SAXException sax && sax.getException() instanceof ProblemException problem) {
                throw problem;
            }
            // POI reports an empty or foreign file with runtime exceptions (EmptyFileException, NotOfficeXmlFile…)
            throw ProblemException.invalid("file", "import-unreadable", "XLSX");
        }
        return rows;
    }

    /** 413 naming the limit ("rows" or "columns") and its value; the service answers the next request as usual. */
    static ProblemException tooLarge(String what, int limit) {
        return new ProblemException(413, "import-too-large", List.of(new ProblemException.Violation(what, "max", limit)),
                what, limit);
    }

    /**
     * Numeric cells as the import parses them, whatever their display format: a date-formatted cell as
     * {@code 2026-03-15}, any other number plainly ({@code 12000.5}, no grouping, no currency sign).
     */
    static final class LedgerCellFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<Row> rows;
        private final ImportLimits limits;
        private List<String> cells;
        private int line;

        Collector(List<Row> rows, ImportLimits limits) {
            this.rows = rows;
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            // a row number far below (say row 1,000,000) counts as that many rows: the blank ones before it
            if (rows.size() >= limits.maxRows() || rowNum >= limits.maxRows()) {
                throw tooLarge("rows", limits.maxRows());
            }
            line = rowNum + 1;
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(new Row(line, cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = columnIndex(reference);
            if (column < 0 || column >= limits.maxColumns()) {
                throw tooLarge("columns", limits.maxColumns());
            }
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(value);
        }

        private static int columnIndex(String reference) {
            if (reference == null) {
                return -1;
            }
            int index = 0;
            for (char ch : reference.toCharArray()) {
                if (ch >= 'A' && ch <= 'Z') {
                    index = index * 26 + (ch - 'A' + 1);
                    if (index > 1_000_000) {
                        return Integer.MAX_VALUE; // far beyond any limit; no overflow
                    }
                } else {
                    break;
                }
            }
            return index - 1;
        }
    }
}
