package com.certcare.customer.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.certcare.customer.certification.CertificationStatus;
import com.certcare.customer.reference.ReferenceData;
import com.certcare.platform.reference.ReferenceEntry;
import com.certcare.platform.problem.Messages;
import com.certcare.platform.problem.ProblemException;
import com.certcare.platform.problem.Violations;

/**
 * One data row's cells, read as the ledger's values. What a cell cannot be read as is reported by line and column
 * (once per column and reason), never thrown: the import reports every bad cell of the file.
 */
final class LedgerRow {

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));
    /** The columns holding the customer's own data (not its records'). */
    private static final List<LedgerColumn> CUSTOMER_COLUMNS = List.of(LedgerColumn.NAME, LedgerColumn.PROVINCE,
            LedgerColumn.CITY, LedgerColumn.ADDRESS, LedgerColumn.POSTAL_CODE, LedgerColumn.CONTACT_NAME,
            LedgerColumn.CONTACT_PHONE, LedgerColumn.CONTACT_EMAIL, LedgerColumn.REMARKS);

    private final LedgerReader.Row row;
    private final LedgerLayout layout;
    private final Set<String> reported = new HashSet<>();

    LedgerRow(LedgerReader.Row row, LedgerLayout layout) {
        this.row = row;
        this.layout = layout;
    }

    /** The row's line in the file (1 = header). */
    int line() {
        return row.line();
    }

    /** Whether the file has this column: only then does the row change the field. */
    boolean has(LedgerColumn column) {
        return layout.has(column);
    }

    String text(LedgerColumn column) {
        Integer index = layout.index(column);
        return index == null ? null : row.cell(index);
    }

    /** The cell's text where the file has the column (blank clears the field), else {@code base}. */
    String pick(LedgerColumn column, String base) {
        return has(column) ? text(column) : base;
    }

    /** A fingerprint of the customer's columns, to tell whether another row of the customer says the same. */
    int customerData() {
        int hash = 1;
        for (LedgerColumn column : CUSTOMER_COLUMNS) {
            hash = 31 * hash + Objects.hashCode(text(column));
        }
        return hash;
    }

    /** A message in the caller's language. */
    String message(String key, Object... args) {
        return layout.message(key, args);
    }

    void error(LedgerColumn column, String message) {
        if (reported.add(column.key + message)) {
            layout.findings.error(row.line(), layout.header(column), message);
        }
    }

    void warn(LedgerColumn column, String message) {
        if (reported.add(column.key + message)) {
            layout.findings.warn(row.line(), layout.header(column), message);
        }
    }

    /** Field paths of the API rules → the ledger column they come from. */
    void report(Violations v) {
        for (ProblemException.Violation violation : v.list()) {
            error(LedgerColumn.forField(violation.field()), message("field." + violation.messageKey(), violation.args()));
        }
    }

    /** Whether the row speaks of a certification record (names a scheme or a record ID), not only of the customer. */
    boolean hasRecord() {
        return text(LedgerColumn.SCHEME) != null || text(LedgerColumn.RECORD_ID) != null;
    }

    /** The row's 专业代码, split at any usual separator; null when the file has no such column. */
    List<String> professionalCodes() {
        if (!has(LedgerColumn.PROFESSIONAL_CODES)) {
            return null;
        }
        String text = text(LedgerColumn.PROFESSIONAL_CODES);
        return text == null ? List.of()
                : java.util.Arrays.stream(text.split("[;；,，、\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
    }

    /** Codes of the right shape and sector that the loaded list lacks: taken (unless strict), with a warning. */
    void warnUnlistedCodes(List<String> codes) {
        ReferenceData reference = layout.reference;
        if (codes == null || reference.professionalCodesStrict()) {
            return;
        }
        for (String code : codes) {
            if (reference.professionalCodeStanding(code) == ReferenceData.CodeStanding.UNLISTED) {
                warn(LedgerColumn.PROFESSIONAL_CODES, message("field.import-professional-code-unlisted", code));
            }
        }
    }

    Integer version(LedgerColumn column) {
        Long value = id(column);
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    /** A whole non-negative number (an ID or a version), as text or as a numeric XLSX cell. */
    Long id(LedgerColumn column) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        if (!text.matches("\\d{1,18}")) {
            error(column, message("field.number-format"));
            return null;
        }
        return Long.parseLong(text);
    }

    LocalDate date(LedgerColumn column) {
        List<LocalDate> dates = dates(column);
        return dates.isEmpty() ? null : dates.get(0);
    }

    List<LocalDate> dates(LedgerColumn column) {
        String text = text(column);
        if (text == null) {
            return List.of();
        }
        List<LocalDate> dates = new ArrayList<>();
        for (String part : text.split("[;；,，、\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            LocalDate parsed = null;
            for (DateTimeFormatter f : DATE_FORMATS) {
                try {
                    parsed = LocalDate.parse(part, f);
                    break;
                } catch (DateTimeParseException next) {
                    // try the next format
                }
            }
            if (parsed == null) {
                error(column, message("field.date-format"));
            } else {
                dates.add(parsed);
            }
        }
        return dates;
    }

    BigDecimal money(LedgerColumn column) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
                    .replace("元", "").strip());
        } catch (NumberFormatException e) {
            error(column, message("field.number-format"));
            return null;
        }
    }

    /** Status as code (VALID) or as exported (有效 / Valid); blank or no column means none given. */
    CertificationStatus status() {
        String text = text(LedgerColumn.STATUS);
        if (text == null) {
            return null;
        }
        Messages messages = layout.messages;
        for (CertificationStatus s : CertificationStatus.values()) {
            if (s.name().equalsIgnoreCase(text) || messages.get(Messages.DEFAULT_LOCALE, "status." + s.name()).equals(text)
                    || messages.get(Locale.ENGLISH, "status." + s.name()).equalsIgnoreCase(text)) {
                return s;
            }
        }
        error(LedgerColumn.STATUS, message("field.invalid-value"));
        return null;
    }

    /** Province as code (330000) or name (浙江省 / 浙江 / Zhejiang). */
    String province() {
        String text = text(LedgerColumn.PROVINCE);
        ReferenceData reference = layout.reference;
        if (text == null || reference.province(text).isPresent()) {
            return text;
        }
        for (ReferenceEntry p : reference.provinces().values()) {
            if (p.nameZh().equals(text) || p.nameEn().equalsIgnoreCase(text) || p.nameZh().startsWith(text)) {
                return p.code();
            }
        }
        return text; // the province rule reports it
    }
}
