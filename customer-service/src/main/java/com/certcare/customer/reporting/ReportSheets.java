package com.certcare.customer.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The national system's upload sheets (names, headers, column order, code tables) from a data file
 * ({@code certcare.reporting.sheets}: a file path, else a classpath resource; default
 * {@code reporting/cnca-sheets.json}, marked unverified). Read once at start; a broken file stops the start.
 */
@ApplicationScoped
public class ReportSheets {

    public record Column(String header, String field, boolean id, String codes) {
    }

    public record Sheet(String kind, String name, List<Column> columns) {
    }

    record File(String note, int deadlineDay, List<Sheet> sheets, Map<String, Map<String, String>> codes) {
    }

    private final File file;

    ReportSheets(ObjectMapper mapper,
            @ConfigProperty(name = "certcare.reporting.sheets", defaultValue = "reporting/cnca-sheets.json") String location)
            throws IOException {
        Path path = Path.of(location);
        try (InputStream in = Files.isRegularFile(path) ? Files.newInputStream(path)
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("certcare.reporting.sheets: no file or resource " + location);
            }
            this.file = mapper.readValue(in, File.class);
        }
        if (file.sheets() == null || file.sheets().isEmpty() || file.deadlineDay() < 1 || file.deadlineDay() > 28) {
            throw new IllegalStateException("certcare.reporting.sheets " + location + ": sheets and a deadlineDay 1-28 are needed");
        }
    }

    public List<Sheet> sheets() {
        return file.sheets();
    }

    /** Day of the next month by which a month's records are due (no holiday extension). */
    public int deadlineDay() {
        return file.deadlineDay();
    }

    /**
     * A cell: the record's value of the column's field, through its code table when it has one; trimmed; an id
     * (certificate number, credit code) upper-case without spaces.
     */
    public String cell(Column column, Map<String, Object> data) {
        Object raw = data.get(column.field());
        if (raw == null) {
            return "";
        }
        String value = raw.toString().strip();
        if (column.codes() != null) {
            value = file.codes().getOrDefault(column.codes(), Map.of()).getOrDefault(value, value);
        }
        if (column.id()) {
            value = value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        }
        return value;
    }
}
