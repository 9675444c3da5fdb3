package com.certcare.customer.exchange;

import java.util.regex.Pattern;

/**
 * Cells of an exported CSV that a spreadsheet would run as a formula ({@code =HYPERLINK(…)}, {@code +…},
 * {@code -…}, {@code @…}, or a leading tab or carriage return) get a leading apostrophe, as OWASP's CSV-injection
 * advice says; the import removes exactly that apostrophe, so export → import gives back every value. A value
 * that already starts with apostrophes before such a character gets one more, so the round trip stays exact.
 */
final class CsvCells {

    private static final Pattern NEEDS_QUOTE = Pattern.compile("^'*[=+\\-@\\t\\r]");
    private static final Pattern QUOTED = Pattern.compile("^'+[=+\\-@\\t\\r]");

    private CsvCells() {
    }

    static String neutralize(String value) {
        return value != null && NEEDS_QUOTE.matcher(value).lookingAt() ? "'" + value : value;
    }

    static String restore(String value) {
        return value != null && QUOTED.matcher(value).lookingAt() ? value.substring(1) : value;
    }
}
