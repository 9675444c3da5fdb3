package com.certcare.customer.exchange;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.certcare.customer.reference.ReferenceData;
import com.certcare.platform.problem.Messages;

/**
 * How one file is read, learnt from its header: which ledger column sits at which index, which headings name no
 * column (reported, never dropped silently), and what its rows' cells are reported in (the caller's language).
 */
final class LedgerLayout {

    private final Map<LedgerColumn, Integer> columns;
    private final List<String> ignored;
    final Messages messages;
    final ReferenceData reference;
    final ImportFindings findings;
    final Locale locale;

    private LedgerLayout(Map<LedgerColumn, Integer> columns, List<String> ignored, Messages messages,
            ReferenceData reference, ImportFindings findings, Locale locale) {
        this.columns = columns;
        this.ignored = ignored;
        this.messages = messages;
        this.reference = reference;
        this.findings = findings;
        this.locale = locale;
    }

    /** Heading → column; headings naming no column, or a column already named, are reported. */
    static LedgerLayout of(LedgerReader.Row header, LedgerHeadings headings, Messages messages, ReferenceData reference,
            ImportFindings findings, Locale locale) {
        Map<LedgerColumn, Integer> columns = new EnumMap<>(LedgerColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String text = header.cells().get(i);
            if (text == null || text.isBlank()) {
                continue;
            }
            LedgerColumn column = headings.column(text);
            if (column == null || !column.imported) {
                ignored.add(text.strip());
                continue;
            }
            Integer first = columns.putIfAbsent(column, i);
            if (first != null) {
                ignored.add(text.strip());
                findings.warn(header.line(), text.strip(), messages.get(locale, "field.import-duplicate-heading", first + 1));
            }
        }
        return new LedgerLayout(columns, ignored, messages, reference, findings, locale);
    }

    /** Whether the file has this column: only then do its rows change the field. */
    boolean has(LedgerColumn column) {
        return columns.containsKey(column);
    }

    /** The index of the column in a row, or null when the file lacks it. */
    Integer index(LedgerColumn column) {
        return columns.get(column);
    }

    /** Headings that name no ledger column (or one named before): their cells are not read. */
    List<String> ignored() {
        return ignored;
    }

    /** A data row, read with this layout. */
    LedgerRow row(LedgerReader.Row row) {
        return new LedgerRow(row, this);
    }

    /** A message in the caller's language. */
    String message(String key, Object... args) {
        return messages.get(locale, key, args);
    }

    /** The column's header in the caller's language, as problems name it. */
    String header(LedgerColumn column) {
        return column.header(messages, locale);
    }
}
