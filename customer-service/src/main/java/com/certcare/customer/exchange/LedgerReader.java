package com.certcare.customer.exchange;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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

/** Reads the rows of an uploaded ledger: CSV (UTF-8 with or without BOM, or GB18030/GBK) or the first sheet of an XLSX, streamed. */
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

    /** Bytes looked at to tell UTF-8 from GB18030; the rest of the file is then held to the same encoding. */
    private static final int SNIFF_BYTES = 1 << 20;
    static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * A CSV in UTF-8 (BOM or not) or GB18030 (which includes GBK and GB2312, as Excel on Chinese Windows saves
     * "CSV (comma delimited)"). {@code choice} is null or "auto" to detect: a BOM or a first megabyte that is
     * valid UTF-8 means UTF-8, else valid GB18030 means GB18030, else the file is refused. Every byte is then
     * decoded strictly: a byte that is not of the encoding refuses the file (with the line), never a U+FFFD.
     */
    static String csv(InputStream raw, ImportLimits limits, String choice, java.util.function.Consumer<Row> sink)
            throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(SNIFF_BYTES + 1);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        Charset charset = choose(head, choice);
        if (charset == StandardCharsets.UTF_8 && head.length >= 3 && (head[0] & 0xFF) == 0xEF
                && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
        }
        Reader reader = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        int count = 0;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.EXCEL).get()) {
            for (CSVRecord record : parser) {
                if (count >= limits.maxRows()) {
                    throw tooLarge("rows", limits.maxRows());
                }
                if (record.size() > limits.maxColumns()) {
                    throw tooLarge("columns", limits.maxColumns());
                }
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cell -> cells.add(CsvCells.restore(cell)));
                if (count == 0 && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                    cells.set(0, cells.get(0).substring(1));
                }
                count++;
                sink.accept(new Row((int) record.getRecordNumber(), cells));
            }
        } catch (java.nio.charset.CharacterCodingException | java.io.UncheckedIOException e) {
            if (e instanceof java.io.UncheckedIOException u && !(u.getCause() instanceof java.nio.charset.CharacterCodingException)) {
                throw u;
            }
            throw ProblemException.invalid("encoding", "import-encoding-at", count + 1, charset.name());
        }
        return charset == StandardCharsets.UTF_8 ? "UTF-8" : "GB18030";
    }

    private static Charset choose(byte[] head, String choice) {
        if (choice != null && !choice.isBlank() && !choice.equalsIgnoreCase("auto")) {
            return switch (choice.strip().toUpperCase(java.util.Locale.ROOT)) {
                case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
                case "GB18030", "GBK", "GB2312" -> GB18030;
                default -> throw ProblemException.invalid("encoding", "import-encoding-name");
            };
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            throw ProblemException.invalid("encoding", "import-encoding-utf16");
        }
        boolean whole = head.length < SNIFF_BYTES;
        if (decodes(head, StandardCharsets.UTF_8, whole)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(head, GB18030, whole)) {
            return GB18030;
        }
        throw ProblemException.invalid("encoding", "import-encoding");
    }

    /** Whether the bytes are valid in the charset; a sequence cut at the end of a partial read is allowed. */
    private static boolean decodes(byte[] bytes, Charset charset, boolean whole) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, whole);
        if (result.isError()) {
            return false;
        }
        if (whole) {
            return !decoder.flush(out).isError() && !in.hasRemaining();
        }
        return in.remaining() < 4; // an incomplete character cut by the sniffing limit
    }

    static String xlsx(InputStream in, ImportLimits limits, java.util.function.Consumer<Row> sink) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return "XLSX";
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, new Collector(sink, limits),
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
            // what the rows' consumer threw (a database failure, a conflict) is not a fault of the file
            if (e instanceof FromSink sinkFailure) {
                throw sinkFailure.failure;
            }
            if (e instanceof SAXException sax && sax.getException() instanceof FromSink sinkFailure) {
                throw sinkFailure.failure;
            }
            // POI reports an empty or foreign file with runtime exceptions (EmptyFileException, NotOfficeXmlFile…)
            throw ProblemException.invalid("file", "import-unreadable", "XLSX");
        }
        return "XLSX";
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

    /** Carries a failure of the rows' consumer through the XML parser, to be thrown as it was. */
    private static final class FromSink extends RuntimeException {
        final RuntimeException failure;

        FromSink(RuntimeException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final java.util.function.Consumer<Row> sink;
        private final ImportLimits limits;
        private List<String> cells;
        private int line;
        private int count;

        Collector(java.util.function.Consumer<Row> sink, ImportLimits limits) {
            this.sink = sink;
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            // a row number far below (say row 1,000,000) counts as that many rows: the blank ones before it
            if (count >= limits.maxRows() || rowNum >= limits.maxRows()) {
                throw tooLarge("rows", limits.maxRows());
            }
            line = rowNum + 1;
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            count++;
            try {
                sink.accept(new Row(line, cells));
            } catch (ProblemException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new FromSink(e);
            }
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
