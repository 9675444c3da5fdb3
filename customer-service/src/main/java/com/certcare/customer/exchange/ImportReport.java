package com.certcare.customer.exchange;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an import found (dry run) or did (commit). Counts say what would change: re-importing an unchanged
 * export reports every customer and record as unchanged and writes nothing.
 */
@Schema(name = "ImportReport")
public record ImportReport(
        boolean dryRun,
        boolean committed,
        @Schema(description = "How the file was read: UTF-8 or GB18030 (CSV; GBK is a subset), or XLSX") String encoding,
        @Schema(description = "Data rows read (the header not counted)") int rows,
        int newCustomers,
        @Schema(description = "Registered customers whose data the file changes") int updatedCustomers,
        @Schema(description = "Registered customers the file names without changing anything") int unchangedCustomers,
        int newCertifications,
        int updatedCertifications,
        int unchangedCertifications,
        @Schema(description = "Certification records written or to be written: new plus updated") int certifications,
        @Schema(description = "Headings of the file whose cells are not read: those that match no ledger column, and the grade (set by grading)") List<String> ignoredColumns,
        @Schema(description = "Bad cells: line in the file (1 = header), column header, reason; at most certcare.import.max-reported. Any error stops the commit") List<RowError> errors,
        @Schema(description = "All bad cells, listed or not") int errorCount,
        @Schema(description = "Cells taken, but worth a look (e.g. a professional code missing from the loaded list); capped like errors") List<RowError> warnings,
        int warningCount,
        @Schema(description = "Rows for customers or records changed in CertCare since the file was exported (its version columns): skipped, with all rows of their customer, unless onConflict=overwrite; capped like errors") List<Conflict> conflicts,
        int conflictCount,
        @Schema(description = "Whether conflicting rows overwrite (onConflict=overwrite) or are skipped") boolean overwrite,
        @Schema(description = "The header and first data rows as read, to check the encoding and columns") List<List<String>> preview) {

    public record RowError(int line, String column, String message) {
    }

    /**
     * A row whose customer (or record) was changed since the export: the versions, and each field the row would
     * change, with the value in CertCare now and the value in the file.
     */
    @Schema(name = "ImportConflict")
    public record Conflict(int line, String creditCode, String name, String scheme, int fileVersion,
            int currentVersion, List<FieldChange> fields) {
    }

    @Schema(name = "ImportFieldChange")
    public record FieldChange(@Schema(description = "Column header in the caller's language") String column,
            String current, String file) {
    }
}
