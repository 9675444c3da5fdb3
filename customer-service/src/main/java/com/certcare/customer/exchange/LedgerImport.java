package com.certcare.customer.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.certcare.customer.reference.ReferenceData;
import com.certcare.platform.problem.Messages;
import com.certcare.platform.problem.ProblemException;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Imports a ledger file. What the import promises the market department:
 * <ul>
 * <li>A row changes only the fields whose columns the file has; a column the file lacks leaves the field as it
 * is. Contacts the file does not name are kept, with their roles; the contact a row names becomes the primary
 * one. A registered customer or record the file would not change counts as unchanged and is not written.</li>
 * <li>Rows are matched to records by the exported record ID, else by scheme (the live record) or by scheme and
 * numbers (a closed one); only a record in the same status is updated: status changes are transitions.</li>
 * <li>A file exported earlier carries versions: a row for a customer or record changed in CertCare since is a
 * conflict, listed with the fields it would change, and skipped (its customer's rows all) unless the caller
 * chooses to overwrite.</li>
 * <li>Every bad cell is reported by line; a commit writes every other row in one transaction, or — if any
 * cell is bad — nothing. Headings that name no column are reported, never dropped silently.</li>
 * <li>One import commits at a time (409 for a second); a row that someone changes while the import writes ends
 * it with 409 and nothing written.</li>
 * </ul>
 * Its steps, one class each: {@link LedgerReader} reads the file's rows and {@link LedgerLayout} / {@link LedgerRow}
 * their cells; {@link LedgerPlanner} plans what a batch of rows changes (matches, merges, checks, conflicts);
 * {@link LedgerWriter} writes it. This class takes the rows through them, batch by batch, and reports.
 */
@ApplicationScoped
public class LedgerImport {

    /** Rows checked (and, committing, written) together; memory holds one batch, not the file. */
    private static final int BATCH = 500;
    private static final int PREVIEW_ROWS = 5;
    private static final int PREVIEW_CELL = 200;

    private final Messages messages;
    private final ReferenceData reference;
    private final LedgerHeadings headings;
    private final ImportLimits limits;
    private final LedgerPlanner planner;
    private final LedgerWriter writer;
    private final EntityManager em;

    LedgerImport(Messages messages, ReferenceData reference, LedgerHeadings headings, ImportLimits limits,
            LedgerPlanner planner, LedgerWriter writer, EntityManager em) {
        this.messages = messages;
        this.reference = reference;
        this.headings = headings;
        this.limits = limits;
        this.planner = planner;
        this.writer = writer;
        this.em = em;
    }

    /** How the caller wants the file read and conflicts treated. */
    public record Options(LedgerExport.Format format, String encoding, boolean overwrite, Locale locale) {
    }

    public ImportReport dryRun(InputStream file, Options options) throws IOException {
        Run run = new Run(options, null);
        run.encoding = read(file, options, run::accept);
        run.end();
        return run.report(true, false);
    }

    /**
     * Checks and writes batch by batch in one transaction, so memory stays flat however long the file: once a
     * bad cell is found nothing more is written, the rest is still checked, and the 400 rolls everything back.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public ImportReport commit(InputStream file, Options options, String actor) throws IOException {
        writer.begin();
        Run run = new Run(options, actor);
        run.encoding = read(file, options, run::accept);
        run.end();
        if (run.findings.errorCount() > 0) {
            List<ProblemException.Violation> violations = run.findings.errors().stream()
                    .map(e -> new ProblemException.Violation("line " + e.line() + ": " + e.column(), "import-cell",
                            e.message()))
                    .toList();
            throw new ProblemException(400, "import-rejected", violations, run.findings.errorCount());
        }
        writer.end();
        return run.report(false, true);
    }

    private String read(InputStream file, Options options, Consumer<LedgerReader.Row> sink) throws IOException {
        return options.format() == LedgerExport.Format.CSV ? LedgerReader.csv(file, limits, options.encoding(), sink)
                : LedgerReader.xlsx(file, limits, sink);
    }

    /** One pass over a file: rows arrive one by one and are planned (and, committing, written) in batches. */
    private final class Run {
        final Options options;
        final Locale locale;
        /** Who commits; null for a dry run. */
        final String actor;
        final ImportFindings findings = new ImportFindings(limits.maxReported());
        String encoding;
        /** Known once the header is read. */
        LedgerLayout layout;
        LedgerPlanner.Pass plan;
        final List<List<String>> preview = new ArrayList<>();
        boolean headerless;
        int dataRows;
        List<LedgerRow> batch = new ArrayList<>();
        int newCustomers;
        int updatedCustomers;
        int unchangedCustomers;
        int newRecords;
        int updatedRecords;
        int unchangedRecords;

        Run(Options options, String actor) {
            this.options = options;
            this.locale = options.locale();
            this.actor = actor;
        }

        void accept(LedgerReader.Row row) {
            if (preview.size() <= PREVIEW_ROWS) {
                preview.add(row.cells().stream().map(c -> c == null ? "" : c.length() > PREVIEW_CELL
                        ? c.substring(0, PREVIEW_CELL) + "…" : c).toList());
            }
            if (layout == null) {
                layout = LedgerLayout.of(row, headings, messages, reference, findings, locale);
                plan = planner.pass(layout, options.overwrite());
                if (!layout.has(LedgerColumn.CREDIT_CODE)) {
                    String header = layout.header(LedgerColumn.CREDIT_CODE);
                    findings.error(row.line(), header, messages.get(locale, "field.import-header-missing", header));
                    headerless = true;
                }
                return;
            }
            if (row.blank()) {
                return;
            }
            dataRows++;
            if (headerless) {
                return;
            }
            batch.add(layout.row(row));
            if (batch.size() >= BATCH) {
                batch();
            }
        }

        void end() {
            if (layout == null) {
                findings.error(1, "", messages.get(locale, "field.required"));
                return;
            }
            if (!batch.isEmpty()) {
                batch();
            }
        }

        ImportReport report(boolean dryRun, boolean committed) {
            return new ImportReport(dryRun, committed, encoding, dataRows, newCustomers, updatedCustomers,
                    unchangedCustomers, newRecords, updatedRecords, unchangedRecords, newRecords + updatedRecords,
                    layout == null ? List.of() : layout.ignored(), findings.errors(), findings.errorCount(),
                    findings.warnings(), findings.warningCount(), findings.conflicts(), findings.conflictCount(),
                    options.overwrite(), preview);
        }

        /** Plans the rows gathered, writes them when committing and nothing is wrong so far, and lets go of them. */
        private void batch() {
            List<CustomerPlan> plans = plan.plan(batch);
            batch = new ArrayList<>();
            count(plans);
            if (actor != null && findings.errorCount() == 0) {
                plan.written(writer.write(plans, actor));
            }
            em.clear(); // the batch's entities go; what later batches need is in the plan's maps
        }

        private void count(List<CustomerPlan> plans) {
            for (CustomerPlan p : plans) {
                if (p.skipped) {
                    continue;
                }
                if (p.input != null) {
                    if (p.existing == null) {
                        newCustomers++;
                    } else if (p.changes.isEmpty()) {
                        unchangedCustomers++;
                    } else {
                        updatedCustomers++;
                    }
                }
                for (CertificationPlan c : p.certifications) {
                    if (c.existing() == null) {
                        newRecords++;
                    } else if (c.changes().isEmpty()) {
                        unchangedRecords++;
                    } else {
                        updatedRecords++;
                    }
                }
            }
        }
    }
}
