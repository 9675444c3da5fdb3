package com.certcare.customer.exchange;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much one ledger file may hold. A file beyond a limit is refused (413) as soon as the limit is reached,
 * before it is held in memory: a cell reference far to the right in an XLSX, or millions of empty CSV lines,
 * would otherwise fill the heap.
 */
@ConfigMapping(prefix = "certcare.import")
public interface ImportLimits {

    /** Lines (rows, blank ones included, the header too) of one file. */
    @WithDefault("200000")
    int maxRows();

    /** Columns of one row (the ledger has about 30). */
    @WithDefault("200")
    int maxColumns();

    /** Errors, warnings and conflicts listed in one report (all are counted). */
    @WithDefault("1000")
    int maxReported();

    /**
     * The headings each column accepts besides the export's own: a file path, or a classpath resource (the
     * shipped list). Lines {@code columnKey,heading}.
     */
    @WithDefault("reference/ledger-headings.csv")
    String headings();
}
