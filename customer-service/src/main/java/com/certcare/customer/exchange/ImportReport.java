package com.certcare.customer.exchange;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import found (dry run) or did (commit). */
@Schema(name = "ImportReport")
public record ImportReport(
        boolean dryRun,
        boolean committed,
        @Schema(description = "Data rows read (the header not counted)") int rows,
        int newClients,
        int updatedClients,
        int certifications,
        @Schema(description = "Every bad cell: line in the file (1 = header), column header, reason") List<RowError> errors) {

    public record RowError(int line, String column, String message) {
    }
}
