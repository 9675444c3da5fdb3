package com.certcare.customer.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.certcare.customer.reference.ReferenceData;
import com.certcare.platform.problem.Messages;

/**
 * Which ledger column a heading of an uploaded file names: the export's own headings (zh-CN and en, and the
 * column keys) and the usual ones market departments use, from a data file ({@code certcare.import.headings}).
 * Matching ignores case, spaces and full-/half-width forms.
 */
@ApplicationScoped
public class LedgerHeadings {

    private final Map<String, LedgerColumn> byHeading = new HashMap<>();

    LedgerHeadings(Messages messages, ImportLimits config) {
        for (LedgerColumn column : LedgerColumn.values()) {
            byHeading.put(normalize(column.key), column);
            byHeading.put(normalize(column.header(messages, Messages.DEFAULT_LOCALE)), column);
            byHeading.put(normalize(column.header(messages, Locale.ENGLISH)), column);
        }
        Map<String, LedgerColumn> byKey = new HashMap<>();
        for (LedgerColumn column : LedgerColumn.values()) {
            byKey.put(column.key, column);
        }
        String location = config.headings();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(ReferenceData.open(location), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int comma = line.indexOf(',');
                LedgerColumn column = comma < 0 ? null : byKey.get(line.substring(0, comma).strip());
                if (column == null) {
                    throw new IllegalStateException("Ledger headings " + location + " line " + number
                            + ": expected <column key>,<heading> with one of the keys " + byKey.keySet());
                }
                LedgerColumn before = byHeading.putIfAbsent(normalize(line.substring(comma + 1)), column);
                if (before != null && before != column) {
                    throw new IllegalStateException("Ledger headings " + location + " line " + number + ": heading '"
                            + line.substring(comma + 1).strip() + "' already names column " + before.key);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Ledger headings " + location + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The column this heading names, or null. */
    public LedgerColumn column(String heading) {
        return heading == null ? null : byHeading.get(normalize(heading));
    }

    static String normalize(String heading) {
        String s = Normalizer.normalize(heading, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!Character.isWhitespace(ch) && ch != '\u3000' && ch != '*' && ch != ':') {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
