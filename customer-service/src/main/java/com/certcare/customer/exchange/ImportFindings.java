package com.certcare.customer.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one import found: bad cells, warnings and conflicts, by line. Every one is counted; each list keeps at most
 * {@code maxReported}, so a file with a bad column in every row does not grow the report without bound.
 */
final class ImportFindings {

    private static final Comparator<ImportReport.RowError> ROW_ORDER = Comparator
            .comparingInt(ImportReport.RowError::line).thenComparing(e -> e.column() == null ? "" : e.column());

    private final int maxReported;
    private final List<ImportReport.RowError> errors = new ArrayList<>();
    private final List<ImportReport.RowError> warnings = new ArrayList<>();
    private final List<ImportReport.Conflict> conflicts = new ArrayList<>();
    private int errorCount;
    private int warningCount;
    private int conflictCount;

    ImportFindings(int maxReported) {
        this.maxReported = maxReported;
    }

    void error(int line, String column, String message) {
        if (errorCount++ < maxReported) {
            errors.add(new ImportReport.RowError(line, column, message));
        }
    }

    void warn(int line, String column, String message) {
        if (warningCount++ < maxReported) {
            warnings.add(new ImportReport.RowError(line, column, message));
        }
    }

    void conflict(ImportReport.Conflict conflict) {
        if (conflictCount++ < maxReported) {
            conflicts.add(conflict);
        }
    }

    int errorCount() {
        return errorCount;
    }

    int warningCount() {
        return warningCount;
    }

    int conflictCount() {
        return conflictCount;
    }

    /** The errors listed, by line and column. */
    List<ImportReport.RowError> errors() {
        return sorted(errors);
    }

    /** The warnings listed, by line and column. */
    List<ImportReport.RowError> warnings() {
        return sorted(warnings);
    }

    /** The conflicts listed, by line. */
    List<ImportReport.Conflict> conflicts() {
        List<ImportReport.Conflict> sorted = new ArrayList<>(conflicts);
        sorted.sort(Comparator.comparingInt(ImportReport.Conflict::line));
        return sorted;
    }

    private static List<ImportReport.RowError> sorted(List<ImportReport.RowError> found) {
        List<ImportReport.RowError> sorted = new ArrayList<>(found);
        sorted.sort(ROW_ORDER);
        return sorted;
    }
}
